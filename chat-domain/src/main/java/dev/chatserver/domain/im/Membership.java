package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.OptionalLong;

/** What one member sees of a session: their own state, status, read flag, and the newest message they sent. */
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
}
