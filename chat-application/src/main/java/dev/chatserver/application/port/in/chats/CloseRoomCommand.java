package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A tenant of the room's audience closes it: from then on it accepts no events. */
public record CloseRoomCommand(AccountId by, RoomId room) {
    public CloseRoomCommand {
        Objects.requireNonNull(by, "by");
        if (room == null) {
            throw new InvalidInput("room", "room is required");
        }
    }
}
