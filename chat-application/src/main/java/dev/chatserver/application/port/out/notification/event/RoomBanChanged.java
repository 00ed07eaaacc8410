package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;

import java.util.Objects;

/**
 * A tenant banned an account from a room ({@code banned}, with its reason) or lifted the ban. Told on the room's
 * channel: a subscriber listening as the banned account gets it and then nothing more of the room.
 */
public record RoomBanChanged(RoomId room, AccountId account, boolean banned, String reason) implements DomainEvent {
    public RoomBanChanged {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether this bans {@code listener} (an account, or none) from the room. */
    public boolean bans(java.util.Optional<AccountId> listener) {
        return banned && listener.map(account::equals).orElse(false);
    }

    @Override
    public int textLength() {
        return reason.length() + account.label().length() + account.audience().length();
    }
}
