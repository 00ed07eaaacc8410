package dev.chatserver.domain.chats;

import java.util.List;
import java.util.Objects;

/** What appending several events to a room decided: the room's new state and the events, in order. */
public record AppendedEvents(EventRoom room, List<Event> events) {
    public AppendedEvents {
        Objects.requireNonNull(room, "room");
        events = List.copyOf(events);
    }
}
