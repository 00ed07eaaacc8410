package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Stored events in memory, per room in {@code occurred_at} order. */
public final class InMemoryEvents implements EventStore {
    /** A set and label; an event without a label is the label {@code null} of its set. */
    private record Item(String set, String label) {
    }

    private final Map<RoomId, NavigableMap<Long, Event>> byRoom = new HashMap<>();
    /** The first event of each item of each room. */
    private final Map<RoomId, Map<Item, Event>> firsts = new HashMap<>();

    @Override
    public synchronized void append(List<Event> events) {
        for (Event event : events) {
            NavigableMap<Long, Event> room = byRoom.computeIfAbsent(event.roomId(), r -> new TreeMap<>());
            if (!room.isEmpty() && room.lastKey() >= event.occurredAt()) {
                throw new IllegalArgumentException("events of a room are appended in increasing occurred_at");
            }
            room.put(event.occurredAt(), event);
            firsts.computeIfAbsent(event.roomId(), r -> new HashMap<>())
                    .putIfAbsent(new Item(event.set(), event.label()), event);
        }
    }

    @Override
    public synchronized OptionalLong firstOccurredAt(RoomId room, String set, String label) {
        Event first = firsts.getOrDefault(room, Map.of()).get(new Item(set, label));
        return first == null ? OptionalLong.empty() : OptionalLong.of(first.occurredAt());
    }

    @Override
    public synchronized List<Event> byIds(java.util.Collection<dev.chatserver.domain.chats.EventId> ids) {
        java.util.Set<dev.chatserver.domain.chats.EventId> wanted = java.util.Set.copyOf(ids);
        return byRoom.values().stream().flatMap(room -> room.values().stream())
                .filter(event -> wanted.contains(event.id())).toList();
    }

    @Override
    public synchronized EventPage page(EventQuery query) {
        NavigableMap<Long, Event> room = byRoom.getOrDefault(query.room(), new TreeMap<>());
        boolean forward = query.direction() == Direction.FORWARD;
        NavigableMap<Long, Event> from = query.cursor().isEmpty() ? room
                : forward ? room.tailMap(query.cursor().getAsLong(), false)
                : room.headMap(query.cursor().getAsLong(), false);
        NavigableMap<Long, Event> inOrder = forward ? from : from.descendingMap();
        List<Event> fetched = new ArrayList<>();
        for (Event event : inOrder.values()) {
            if (fetched.size() > query.limit()) {
                break;
            }
            if (query.matches(event)) {
                fetched.add(event);
            }
        }
        return EventPage.of(fetched, query.limit());
    }

    @Override
    public synchronized List<SetState> state(RoomId room, List<String> sets, OptionalLong at, int limit) {
        NavigableMap<Long, Event> events = byRoom.getOrDefault(room, new TreeMap<>());
        NavigableMap<Long, Event> upTo = at.isPresent() ? events.headMap(at.getAsLong(), true) : events;
        Map<String, Map<Optional<String>, Event>> newest = new LinkedHashMap<>();
        sets.forEach(set -> newest.put(set, new LinkedHashMap<>()));
        for (Event event : upTo.descendingMap().values()) {
            Map<Optional<String>, Event> ofSet = newest.get(event.set());
            if (ofSet != null && ofSet.size() < limit) {
                ofSet.putIfAbsent(Optional.ofNullable(event.label()), event);
            }
        }
        return sets.stream()
                .map(set -> new SetState(set, newest.get(set).values().stream()
                        .sorted(Comparator.comparingLong(Event::occurredAt).reversed()).toList()))
                .toList();
    }
}
