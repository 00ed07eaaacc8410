package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;

/** Event rooms on their own, so that a room can exist before a chat is converted onto it. */
public interface ManageRooms {
    EventRoom create(CreateRoomCommand command);

    /** Any authenticated account may read a room; an unknown one is {@code NotFound("room")}. */
    EventRoom room(RoomId id);

    /** Closes the room now; closing a closed room keeps its first closing time. */
    EventRoom close(CloseRoomCommand command);
}
