package dev.chatserver.domain.chats;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One page of a room's events: those matching every given filter ({@code types} empty means any type; null
 * {@code set}, {@code label}, {@code attribute} mean any), strictly after ({@link Direction#FORWARD}) or
 * before ({@link Direction#BACKWARD}) the cursor when there is one, at most {@code limit} of them, in the
 * direction's order.
 */
public record EventQuery(RoomId room, Set<String> types, String set, String label, String attribute,
                         OptionalLong cursor, Direction direction, int limit) {
    public EventQuery {
        Objects.requireNonNull(room, "room");
        types = Set.copyOf(types);
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(direction, "direction");
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one event");
        }
    }

    public boolean matches(Event event) {
        return event.roomId().equals(room)
                && (types.isEmpty() || types.contains(event.type()))
                && (set == null || set.equals(event.set()))
                && (label == null || label.equals(event.label()))
                && (attribute == null || attribute.equals(event.attribute()))
                && (cursor.isEmpty() || (direction == Direction.FORWARD
                ? event.occurredAt() > cursor.getAsLong() : event.occurredAt() < cursor.getAsLong()));
    }
}
