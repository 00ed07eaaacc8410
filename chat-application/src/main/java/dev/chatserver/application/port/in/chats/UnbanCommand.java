package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A tenant of the room's audience lifts the ban of {@code account}. */
public record UnbanCommand(AccountId by, RoomId room, AccountId account) {
    public UnbanCommand {
        Objects.requireNonNull(by, "by");
        if (room == null) {
            throw new InvalidInput("room", "room is required");
        }
        if (account == null) {
            throw new InvalidInput("account", "account is required");
        }
    }
}
