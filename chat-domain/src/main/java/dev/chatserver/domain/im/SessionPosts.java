package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.ChatProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a session decided, once, about several posts to it ({@link ImSession#postAll}): for each draft, in the
 * order given, the message to store or the refusal (its sender is no member, or may not post here, or it replies
 * to a message not of the session). Once the messages have ids,
 * {@link #stored} applies them in that order, each on the session as the post before left it.
 */
public final class SessionPosts {
    private final ImSession session;
    private final List<Decision> decided;

    /** One post decided: the message to store, or the problem it was refused with. */
    record Decision(Optional<ImMessage> message, Optional<ChatProblem> refusal) {
        static Decision accepted(ImMessage message) {
            return new Decision(Optional.of(message), Optional.empty());
        }

        static Decision refused(ChatProblem problem) {
            return new Decision(Optional.empty(), Optional.of(problem));
        }
    }

    SessionPosts(ImSession session, List<Decision> decided) {
        this.session = Objects.requireNonNull(session, "session");
        this.decided = List.copyOf(decided);
    }

    /** The session as it was decided on. */
    public ImSession session() {
        return session;
    }

    /** The refusal of the {@code draft}-th post (counted from 0), when its session refused it. */
    public Optional<ChatProblem> refusalOf(int draft) {
        return decided.get(draft).refusal();
    }

    /** The message the {@code draft}-th post stores; that post must not have been refused. */
    public ImMessage messageOf(int draft) {
        return decided.get(draft).message()
                .orElseThrow(() -> new IllegalStateException("post " + draft + " was refused"));
    }

    /** The messages to store, those of the posts not refused, in the order of their drafts. */
    public List<ImMessage> messages() {
        return decided.stream().flatMap(decision -> decision.message().stream()).toList();
    }

    /**
     * The posts once their {@link #messages} are stored under {@code ids} (in the same order): each message, the
     * session as it left it and the memberships it changed, then every changed membership as the last post left it.
     */
    public StoredPosts stored(List<Long> ids) {
        List<ImMessage> messages = messages();
        if (ids.size() != messages.size()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + messages.size() + " messages");
        }
        ImSession current = session;
        List<PostedMessage> posted = new ArrayList<>(messages.size());
        Set<UserId> changedUsers = new HashSet<>();
        for (int k = 0; k < messages.size(); k++) {
            PostedMessage after = current.decided(messages.get(k)).stored(ids.get(k));
            after.changed().forEach(member -> changedUsers.add(member.user()));
            current = after.session();
            posted.add(after);
        }
        ImSession last = current;
        List<Membership> changed = last.members().stream()
                .filter(member -> changedUsers.contains(member.user()))
                .sorted(Comparator.comparingLong(member -> member.user().value()))
                .toList();
        return new StoredPosts(posted, last, changed);
    }
}
