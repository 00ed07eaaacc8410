package dev.chatserver.application.im;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.attachment.Attachment;

import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.IdempotentLane;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SessionPosts;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.application.port.out.UserBlocks;
import dev.chatserver.domain.im.Block;
import dev.chatserver.domain.im.GroupConversation;
import dev.chatserver.domain.im.GroupSettings;
import dev.chatserver.domain.im.PostingRights;
import dev.chatserver.domain.problem.ChatProblem;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The posts waiting at one moment, stored together in the writer's unit of work with a fixed number of
 * statements however many: the sessions not seen before and their members locked ({@link #open}); then each
 * session decides all the batch's posts to it at once ({@link ImSession#postAll}), a sender who is no member
 * or a reply to a message of another session refused alone before anything is stored (the messages replied to
 * read in one statement, only for a batch with replies, and the users its texts call by {@code @login} in one
 * more, only for a batch that calls anyone); then {@link PostRecorder} stores and announces the rest.
 *
 * <p>A post with a {@code client_id} is keyed by (sender, session, client id) ({@link IdempotentLane}): a member's
 * retry answers the first post's message and stores nothing (two statements more, only for a batch with client
 * ids, and one to read the first messages when some are replayed).
 */
public final class PostingLane extends IdempotentLane<PostMessageCommand, MessageView, PostingLane.Locked> {
    private final ImSessions sessions;
    private final ImMessages messages;
    private final SessionHeaders headers;
    private final PostRecorder recorder;
    private final RepliedMessages replied;
    private final MentionedUsers mentioned;
    private final Meters meters;
    private final Attachments attachments;
    private final GroupConversations conversations;
    private final UserBlocks blocks;

    @Inject
    public PostingLane(ImSessions sessions, ImMessages messages, SessionHeaders headers, PostRecorder recorder,
                       RepliedMessages replied, MentionedUsers mentioned, ClientKeys clientKeys, Clock clock,
                       Meters meters, Attachments attachments, GroupConversations conversations, UserBlocks blocks) {
        super(clientKeys, clock);
        this.attachments = attachments;
        this.conversations = conversations;
        this.blocks = blocks;
        this.sessions = sessions;
        this.messages = messages;
        this.headers = headers;
        this.recorder = recorder;
        this.replied = replied;
        this.mentioned = mentioned;
        this.meters = meters;
    }

    /** The sessions a batch posts to, by uuid, with their members read under lock. */
    record Locked(Map<UUID, ImSession> sessions) {
        ImSession of(PostMessageCommand command) {
            return sessions.get(command.session());
        }
    }

    @Override
    public long bytesOf(PostMessageCommand command) {
        return 2L * command.draft().content().length();
    }

    @Override
    public void stored(int count) {
        meters.postsStored(count);
    }

    /**
     * The sessions posted to, with their members read again under lock: whoever is a member is decided on these
     * alone, never on what {@link SessionHeaders} remembers.
     */
    @Override
    protected Locked open(List<PostMessageCommand> commands) {
        List<ImSession> named = headers.byUuids(commands.stream().map(PostMessageCommand::session).toList());
        return new Locked(sessions.lockMembersOf(named).stream()
                .collect(Collectors.toMap(ImSession::uuid, Function.identity())));
    }

    /** Scoped by the session and its sender; only a member's post has one, anyone else's is refused, never replayed. */
    @Override
    protected Key keyOf(Locked batch, PostMessageCommand command) {
        ImSession session = batch.of(command);
        if (command.clientId() == null || session == null || !session.hasMember(command.caller().id())) {
            return null;
        }
        return new Key("im:" + session.id() + ":" + command.caller().id().value(), command.clientId());
    }

    @Override
    protected List<Answer<MessageView>> write(Locked batch, List<PostMessageCommand> fresh, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        // decide: each session once, on all of this batch's posts to it, in arrival order
        Map<UUID, List<PostDraft>> drafts = new LinkedHashMap<>();
        List<Integer> nth = new ArrayList<>(fresh.size());
        PostedFiles files = PostedFiles.of(attachments, fresh);
        for (PostMessageCommand command : fresh) {
            ImSession session = batch.of(command);
            if (session == null || files.refused(command)) {
                nth.add(-1);
                continue;
            }
            List<PostDraft> ofSession = drafts.computeIfAbsent(session.uuid(), uuid -> new ArrayList<>());
            nth.add(ofSession.size());
            ofSession.add(command.draft());
        }
        // the messages replied to, read once for the batch; each session accepts replies to its own alone
        Map<Long, ImMessage> repliedTo = replied.byIds(fresh.stream()
                .flatMap(command -> command.draft().replyToId().stream()).toList());
        // the users the batch's texts call by @login, read once; each session mentions its own members alone
        Map<Login, UserId> mentionable = mentioned.calledIn(drafts.values().stream().flatMap(List::stream)
                .map(PostDraft::content).toList());
        Map<UUID, PostingRights> rights = rightsOf(drafts.keySet().stream().map(batch.sessions()::get).toList());
        Map<UUID, SessionPosts> decided = new HashMap<>();
        drafts.forEach((uuid, posts) -> decided.put(uuid, batch.sessions().get(uuid).postAll(posts,
                repliedTo.values(), mentionable, at, rights.getOrDefault(uuid, PostingRights.MEMBERS))));

        List<Answer<MessageView>> answers = new ArrayList<>(fresh.size());
        List<PostRecorder.Accepted> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            PostMessageCommand command = fresh.get(i);
            SessionPosts posts = decided.get(command.session());
            Optional<? extends ChatProblem> refusal = files.refused(command) && batch.of(command) != null
                    ? Optional.of(Attachment.unknown("attachmentIds"))
                    : posts == null ? Optional.of(ImSession.unknown()) : posts.refusalOf(nth.get(i));
            if (refusal.isPresent()) {
                answers.add(Answer.refused(refusal.get()));
            } else {
                answers.add(null);
                accepted.add(new PostRecorder.Accepted(posts, nth.get(i), command.caller(), files.of(command),
                        repliedTo));
                acceptedAt.add(i);
            }
        }
        // store and notify
        List<PostRecorder.Recorded> recorded = recorder.record(accepted);
        for (int k = 0; k < recorded.size(); k++) {
            answers.set(acceptedAt.get(k), Answer.done(recorded.get(k).view()));
        }
        return answers;
    }

    /**
     * What limits who may post in each session beyond membership, read once for the batch on the members locked
     * (at most one statement each, only for a batch with such sessions): a group conversation's posting (changed
     * only under these members' locks, so read as of them), and a private pair's blocks.
     */
    private Map<UUID, PostingRights> rightsOf(List<ImSession> sessions) {
        Map<UUID, PostingRights> rights = new HashMap<>();
        List<Long> ungrouped = sessions.stream().filter(s -> !s.isGroup()).map(ImSession::id).toList();
        Map<Long, GroupSettings> settings = ungrouped.isEmpty() ? Map.of() : conversations.of(ungrouped);
        List<Block> possible = sessions.stream().filter(s -> !settings.containsKey(s.id()))
                .flatMap(s -> Block.thatWouldStopPostsIn(s).stream()).toList();
        Set<Block> existing = possible.isEmpty() ? Set.of() : blocks.existing(possible);
        for (ImSession session : sessions) {
            GroupSettings ofSession = settings.get(session.id());
            if (ofSession != null) {
                rights.put(session.uuid(), GroupConversation.of(session, ofSession).postingRights());
            } else if (!existing.isEmpty()) {
                List<Block> ofPair = Block.thatWouldStopPostsIn(session).stream().filter(existing::contains).toList();
                rights.put(session.uuid(), Block.postingRightsIn(session, ofPair));
            }
        }
        return rights;
    }

    @Override
    protected String keptAs(MessageView result) {
        return String.valueOf(result.id());
    }

    /** Each replayed post answers its first message, read once for all of them. */
    @Override
    protected List<MessageView> replay(Locked batch, List<PostMessageCommand> commands, List<String> kept) {
        List<Long> ids = kept.stream().map(Long::parseLong).distinct().toList();
        Map<Long, ImMessage> firstPosts = messages.byIds(ids)
                .stream().collect(Collectors.toMap(ImMessage::id, Function.identity()));
        Map<Long, ImMessage> repliedTo = replied.of(firstPosts.values());
        Map<Long, List<Attachment>> filesOf = attachments.ofMessages(ids);
        List<MessageView> views = new ArrayList<>(commands.size());
        for (int k = 0; k < commands.size(); k++) {
            PostMessageCommand command = commands.get(k);
            ImMessage first = firstPosts.get(Long.parseLong(kept.get(k)));
            if (first == null) {
                throw new IllegalStateException("a client key names the missing message " + kept.get(k));
            }
            views.add(MessageViews.posted(first, command.session(), command.caller(),
                    filesOf.getOrDefault(first.id(), List.of()).stream().map(AttachmentView::of).toList(), repliedTo));
        }
        return views;
    }
}
