package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one member sees of a session: their own state, status, read flag, and the newest message they sent.
 * Each change answers the membership as it becomes, or nothing when it stays as it is.
 */
public record Membership(UserId user, SessionState state, SessionStatus status, boolean read,
                         OptionalLong lastMessageId) {
    public Membership {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastMessageId, "lastMessageId");
    }

    /** How a member joins: open, active, read, having said nothing. */
    public static Membership joining(UserId user) {
        return new Membership(user, SessionState.OPEN, SessionStatus.ACTIVE, true, OptionalLong.empty());
    }

    public Optional<Membership> changeState(SessionState newState) {
        return changed(new Membership(user, newState, status, read, lastMessageId));
    }

    public Optional<Membership> changeStatus(SessionStatus newStatus) {
        return changed(new Membership(user, state, newStatus, read, lastMessageId));
    }

    public Optional<Membership> markRead() {
        return changed(new Membership(user, state, status, true, lastMessageId));
    }

    /** Another member posted: the session turns unread, and a closed one comes back folded. */
    public Optional<Membership> seeMessageFromOther() {
        SessionState shown = state == SessionState.CLOSED ? SessionState.FOLDED : state;
        return changed(new Membership(user, shown, status, false, lastMessageId));
    }

    /** This member posted the message stored under {@code messageId}: it is now their last one. */
    public Membership sent(long messageId) {
        return new Membership(user, state, status, read, OptionalLong.of(messageId));
    }

    public boolean isClosed() {
        return state == SessionState.CLOSED;
    }

    private Optional<Membership> changed(Membership after) {
        return after.equals(this) ? Optional.empty() : Optional.of(after);
    }
}
