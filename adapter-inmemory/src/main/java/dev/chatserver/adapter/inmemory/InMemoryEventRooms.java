package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Event rooms in memory. Holding a room for update needs no lock of its own: units of work in memory run one
 * at a time ({@link InMemoryTransactions}).
 */
public final class InMemoryEventRooms implements EventRoomStore {
    private final Map<RoomId, EventRoom> rooms = new HashMap<>();

    @Override
    public synchronized void insert(EventRoom room) {
        if (rooms.putIfAbsent(room.id(), room) != null) {
            throw new IllegalStateException("the event room " + room.id() + " exists already");
        }
    }

    @Override
    public synchronized Optional<EventRoom> room(RoomId id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public Optional<EventRoom> roomForUpdate(RoomId id) {
        return room(id);
    }

    @Override
    public synchronized void update(EventRoom room) {
        if (rooms.replace(room.id(), room) == null) {
            throw new IllegalStateException("no event room has the id " + room.id());
        }
    }
}
