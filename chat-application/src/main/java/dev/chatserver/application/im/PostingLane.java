package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.IdempotencyKeys.Kept;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.WriteLane;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.MessagePost;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.domain.im.PostedMessage;
import dev.chatserver.domain.im.SessionView;
import dev.chatserver.domain.problem.ChatProblem;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The posts waiting at one moment, stored together in the writer's unit of work with a fixed number of
 * statements however many (four on SQL: the sessions not seen before, their members locked, the messages,
 * the changed memberships; then what the notifications show is read once for all of them). Each post is decided by its session on the members read under lock; one refused (the sender is
 * no member) is answered with its problem before anything is stored, and the others go on. Posts to one session
 * are applied in order, each on the session as the one before left it, exactly as if posted one by one.
 *
 * <p>A post with a {@code client_id} whose key (sender, session, client id) answered a post within
 * {@link ClientKeys#LIFETIME} answers that post's message and stores nothing; so does a second post with the
 * same key in one batch. The keys are read after the members are locked, so a post under the same key that
 * another node committed meanwhile is seen (two statements more, only for a batch with client ids).
 */
public final class PostingLane implements WriteLane<PostMessageCommand, MessageView> {
    private final ImSessions sessions;
    private final ImMessages messages;
    private final ImNotifier notifier;
    private final SessionViews views;
    private final SessionHeaders headers;
    private final ClientKeys clientKeys;
    private final Clock clock;
    private final Meters meters;

    @Inject
    public PostingLane(ImSessions sessions, ImMessages messages, ImNotifier notifier, SessionViews views,
                       SessionHeaders headers, ClientKeys clientKeys, Clock clock, Meters meters) {
        this.meters = meters;
        this.sessions = sessions;
        this.clientKeys = clientKeys;
        this.headers = headers;
        this.messages = messages;
        this.notifier = notifier;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public long bytesOf(PostMessageCommand command) {
        return 2L * command.content().length();
    }

    @Override
    public List<Answer<MessageView>> write(List<PostMessageCommand> commands) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, ImSession> current = lockedSessions(commands);
        Map<UUID, Long> idOf = current.values().stream().collect(Collectors.toMap(ImSession::uuid, ImSession::id));

        @SuppressWarnings("unchecked")
        Answer<MessageView>[] answers = new Answer[commands.size()];
        Map<Key, String> answeredBefore = clientKeys.answered(commands.stream()
                .map(command -> keyOf(command, idOf)).filter(java.util.Objects::nonNull).distinct().toList(), now);
        List<Integer> accepted = new ArrayList<>();
        List<MessagePost> decided = new ArrayList<>();
        Map<Integer, Long> replays = new HashMap<>();
        Map<Integer, Integer> repeats = new HashMap<>();
        Map<Key, Integer> firstInBatch = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            PostMessageCommand command = commands.get(i);
            ImSession session = current.get(idOf.get(command.session()));
            try {
                if (session == null) {
                    throw ImSession.unknown();
                }
                MessagePost post = session.post(command.caller().id(), command.type(), command.content(), now);
                Key key = keyOf(command, idOf);
                if (key != null && answeredBefore.containsKey(key)) {
                    replays.put(i, Long.parseLong(answeredBefore.get(key)));
                } else if (key != null && firstInBatch.containsKey(key)) {
                    repeats.put(i, firstInBatch.get(key));
                } else {
                    if (key != null) {
                        firstInBatch.put(key, i);
                    }
                    decided.add(post);
                    accepted.add(i);
                }
            } catch (ChatProblem refused) {
                answers[i] = Answer.refused(refused);
            }
        }
        replay(commands, replays, answers);
        if (decided.isEmpty()) {
            return Arrays.asList(answers);
        }

        List<ImMessage> stored = messages.appendAll(decided.stream().map(MessagePost::message).toList());
        Map<Long, TreeSet<UserId>> changedMembers = new TreeMap<>();
        List<PostedMessage> posted = new ArrayList<>(decided.size());
        for (int k = 0; k < decided.size(); k++) {
            // decided again on the session as the posts before it in this batch left it
            ImMessage message = stored.get(k);
            ImSession before = current.get(message.sessionId());
            PostedMessage after = before.post(message.from(), message.type(), message.content(), now)
                    .stored(message.id());
            current.put(message.sessionId(), after.session());
            changedMembers.computeIfAbsent(message.sessionId(), id -> new TreeSet<>(
                    java.util.Comparator.comparingLong(UserId::value)))
                    .addAll(after.changed().stream().map(Membership::user).toList());
            posted.add(after);
        }
        Map<Long, List<Membership>> toSave = new TreeMap<>();
        changedMembers.forEach((sessionId, members) -> toSave.put(sessionId, members.stream()
                .map(member -> current.get(sessionId).membershipOf(member).orElseThrow()).toList()));
        sessions.saveMembershipsOf(toSave);
        List<Kept> keys = new ArrayList<>();
        firstInBatch.forEach((key, index) -> keys.add(new Kept(key,
                String.valueOf(stored.get(accepted.indexOf(index)).id()), now)));
        clientKeys.keep(keys);

        List<Map<UserId, SessionView>> seen = views.asSeenByEach(posted.stream().map(PostedMessage::session).toList(),
                posted.stream().map(PostedMessage::membersChanged).toList());
        for (int k = 0; k < posted.size(); k++) {
            PostedMessage after = posted.get(k);
            PostMessageCommand command = commands.get(accepted.get(k));
            MessageView view = view(after, command);
            notifier.messagePosted(after.session(), view);
            notifier.sessionSeenAs(seen.get(k));
            answers[accepted.get(k)] = Answer.done(view);
        }
        repeats.forEach((repeat, first) -> answers[repeat] = answers[first].problem() == null
                ? Answer.replayed(answers[first].result()) : answers[first]);
        return Arrays.asList(answers);
    }

    /** The key of a post with a client id to a session that exists: scoped by the session and its sender. */
    private static Key keyOf(PostMessageCommand command, Map<UUID, Long> idOf) {
        Long sessionId = idOf.get(command.session());
        if (command.clientId() == null || sessionId == null) {
            return null;
        }
        return new Key("im:" + sessionId + ":" + command.caller().id().value(), command.clientId());
    }

    /** Answers each post whose key was answered before with that message, read once for all of them. */
    private void replay(List<PostMessageCommand> commands, Map<Integer, Long> replays, Answer<MessageView>[] answers) {
        if (replays.isEmpty()) {
            return;
        }
        Map<Long, ImMessage> firstPosts = messages.byIds(replays.values().stream().distinct().toList()).stream()
                .collect(Collectors.toMap(ImMessage::id, message -> message));
        replays.forEach((index, messageId) -> {
            PostMessageCommand command = commands.get(index);
            ImMessage first = firstPosts.get(messageId);
            if (first == null) {
                throw new IllegalStateException("a client key names the missing message " + messageId);
            }
            answers[index] = Answer.replayed(new MessageView(first.id(), first.sessionId(), command.session(),
                    command.caller().id(), command.caller().name(), command.caller().partner(), first.type().value(),
                    first.content(), first.createDate()));
        });
    }

    @Override
    public void stored(int count) {
        meters.postsStored(count);
    }

    /**
     * The sessions posted to, with their members read again under lock: whoever is a member is decided on these
     * alone, never on what {@link SessionHeaders} remembers.
     */
    private Map<Long, ImSession> lockedSessions(List<PostMessageCommand> commands) {
        List<ImSession> named = headers.byUuids(commands.stream().map(PostMessageCommand::session).toList());
        Map<Long, ImSession> locked = new HashMap<>();
        sessions.lockMembersOf(named).forEach(session -> locked.put(session.id(), session));
        return locked;
    }

    private static MessageView view(PostedMessage posted, PostMessageCommand command) {
        ImMessage message = posted.message();
        return new MessageView(message.id(), posted.session().id(), posted.session().uuid(), command.caller().id(),
                command.caller().name(), command.caller().partner(), message.type().value(), message.content(),
                message.createDate());
    }
}
