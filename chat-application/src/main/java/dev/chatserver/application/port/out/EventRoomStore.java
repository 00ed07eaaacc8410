package dev.chatserver.application.port.out;

import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;

import java.util.Optional;

/**
 * Event rooms: when they open and close, and the last {@code occurred_at} handed out in each. The store keeps
 * what the room ({@link EventRoom}, the aggregate) decided; it decides nothing itself.
 */
public interface EventRoomStore {
    void insert(EventRoom room);

    Optional<EventRoom> room(RoomId id);

    /**
     * The room, held for the current unit of work so that no one else hands out an {@code occurred_at} in it
     * or closes it until the unit ends.
     */
    Optional<EventRoom> roomForUpdate(RoomId id);

    /**
     * Stores the room's new state as the room decided it: its closing time and the last {@code occurred_at}
     * handed out. The room was held for update ({@link #roomForUpdate}) in the current unit of work.
     */
    void update(EventRoom room);
}
