package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one member sees of a session: their own state, status, read flag, the newest message they sent, and
 * their read pointer ({@code seenMessageId}: every message up to it is seen; what others sent after it is
 * unread, see {@link Unread}). Each change answers the membership as it becomes, or nothing when it stays as
 * it is.
 */
public record Membership(UserId user, SessionState state, SessionStatus status, boolean read,
                         OptionalLong lastMessageId, OptionalLong seenMessageId) {
    public Membership {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastMessageId, "lastMessageId");
        Objects.requireNonNull(seenMessageId, "seenMessageId");
    }

    /** A membership whose member has seen nothing yet. */
    public Membership(UserId user, SessionState state, SessionStatus status, boolean read, OptionalLong lastMessageId) {
        this(user, state, status, read, lastMessageId, OptionalLong.empty());
    }

    /** How a member joins: open, active, read, having said and seen nothing. */
    public static Membership joining(UserId user) {
        return new Membership(user, SessionState.OPEN, SessionStatus.ACTIVE, true, OptionalLong.empty());
    }

    public Optional<Membership> changeState(SessionState newState) {
        return changed(new Membership(user, newState, status, read, lastMessageId, seenMessageId));
    }

    public Optional<Membership> changeStatus(SessionStatus newStatus) {
        return changed(new Membership(user, state, newStatus, read, lastMessageId, seenMessageId));
    }

    public Optional<Membership> markRead() {
        return changed(new Membership(user, state, status, true, lastMessageId, seenMessageId));
    }

    /**
     * The member has seen the session's messages up to {@code messageId}: the pointer moves there, never back.
     * When nothing another member sent is newer ({@code nothingNewer}), the session turns read as well.
     */
    public Optional<Membership> seenUpTo(long messageId, boolean nothingNewer) {
        if (messageId <= 0) {
            throw new IllegalArgumentException("a message id is positive: " + messageId);
        }
        OptionalLong seen = seenMessageId.isPresent() && seenMessageId.getAsLong() >= messageId
                ? seenMessageId : OptionalLong.of(messageId);
        return changed(new Membership(user, state, status, read || nothingNewer, lastMessageId, seen));
    }

    /** Whether the pointer is past {@code messageId} already, so that seeing it again changes nothing. */
    public boolean hasSeen(long messageId) {
        return seenMessageId.isPresent() && seenMessageId.getAsLong() >= messageId;
    }

    /** What this member has not read of session {@code sessionId}. */
    public Unread unreadIn(long sessionId) {
        return new Unread(sessionId, user, seenMessageId.orElse(0));
    }

    /** Another member posted: the session turns unread, and a closed one comes back folded. */
    public Optional<Membership> seeMessageFromOther() {
        SessionState shown = state == SessionState.CLOSED ? SessionState.FOLDED : state;
        return changed(new Membership(user, shown, status, false, lastMessageId, seenMessageId));
    }

    /**
     * This member posted the message stored under {@code messageId}: it is now their last one, and they have
     * seen everything up to it (their pointer moves there, never back).
     */
    public Membership sent(long messageId) {
        OptionalLong seen = hasSeen(messageId) ? seenMessageId : OptionalLong.of(messageId);
        return new Membership(user, state, status, read, OptionalLong.of(messageId), seen);
    }

    public boolean isClosed() {
        return state == SessionState.CLOSED;
    }

    private Optional<Membership> changed(Membership after) {
        return after.equals(this) ? Optional.empty() : Optional.of(after);
    }
}
