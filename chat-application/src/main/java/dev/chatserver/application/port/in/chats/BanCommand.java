package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A tenant of the room's audience bans {@code account} from the room, saying why ({@code reason}, may be empty). */
public record BanCommand(AccountId by, RoomId room, AccountId account, String reason) {
    public BanCommand {
        Objects.requireNonNull(by, "by");
        if (room == null) {
            throw new InvalidInput("room", "room is required");
        }
        if (account == null) {
            throw new InvalidInput("account", "account is required");
        }
        reason = RoomBan.checkedReason(reason);
    }
}
