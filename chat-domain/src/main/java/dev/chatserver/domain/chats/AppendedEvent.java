package dev.chatserver.domain.chats;

import java.util.Objects;

/** What appending to a room decided: the room's new state and the event, with its place in the room's time. */
public record AppendedEvent(EventRoom room, Event event) {
    public AppendedEvent {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(event, "event");
    }
}
