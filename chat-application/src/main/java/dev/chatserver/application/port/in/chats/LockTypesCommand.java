package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.Names;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;
import java.util.Objects;

/** A tenant of the room's audience sets the event types only tenants may post there (empty: none). */
public record LockTypesCommand(AccountId by, RoomId room, List<String> lockedTypes) {
    public LockTypesCommand {
        Objects.requireNonNull(by, "by");
        if (room == null) {
            throw new InvalidInput("room", "room is required");
        }
        if (lockedTypes == null) {
            throw new InvalidInput("lockedTypes", "lockedTypes is required");
        }
        if (lockedTypes.size() > EventRoom.MAX_LOCKED_TYPES) {
            throw new InvalidInput("lockedTypes", "lockedTypes has at most " + EventRoom.MAX_LOCKED_TYPES + " types");
        }
        lockedTypes.forEach(type -> Names.require("lockedTypes", type));
        lockedTypes = List.copyOf(lockedTypes);
    }
}
