package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;

import java.time.Instant;
import java.util.Objects;

/**
 * An account banned from a room by one of its tenants: it may neither post into the room nor hear its live events
 * until the ban is lifted. The room decides it ({@link EventRoom#ban}); {@code reason} is what the tenant said
 * ({@code ""} when nothing), told to the banned account.
 */
public record RoomBan(RoomId room, AccountId account, String reason, AccountId by, Instant at) {
    public static final int MAX_REASON_LENGTH = 500;

    public RoomBan {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(account, "account");
        reason = checkedReason(reason);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** The reason as kept: none is {@code ""}; at most {@value #MAX_REASON_LENGTH} characters, no control characters. */
    public static String checkedReason(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInput("reason", "reason has at most " + MAX_REASON_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("reason", "reason has no control characters");
        }
        return reason;
    }
}
