package dev.chatserver.application.port.out;

import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;

import java.time.Instant;
import java.util.Optional;

/** Event rooms: when they open and close, and the last {@code occurred_at} handed out in each. */
public interface EventRoomStore {
    void insert(EventRoom room);

    Optional<EventRoom> room(RoomId id);

    /**
     * The room, held for the current unit of work so that no one else hands out an {@code occurred_at} in it
     * or closes it until the unit ends.
     */
    Optional<EventRoom> roomForUpdate(RoomId id);

    /** Records the {@code occurred_at} just handed out; it is larger than the one recorded before. */
    void advance(RoomId id, long lastOccurredAt);

    void close(RoomId id, Instant at);
}
