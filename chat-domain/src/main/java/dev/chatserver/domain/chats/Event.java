package dev.chatserver.domain.chats;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in a room; immutable, a change is a new event. {@code set} groups events into a
 * collection whose items are told apart by {@code label} (null: the set's single item). {@code occurredAt} is
 * in nanoseconds since the room opened; {@code originalOccurredAt} is that of the first event with the same
 * set and label (its own when it has no label).
 */
public record Event(EventId id, RoomId roomId, String type, String set, String label, String attribute,
                    JsonText data, long occurredAt, long originalOccurredAt, AccountId createdBy,
                    Instant createdAt) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        type = Names.require("type", type);
        set = Names.require("set", set);
        label = Names.optional("label", label);
        attribute = Names.optional("attribute", attribute);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (occurredAt < 0 || originalOccurredAt < 0 || originalOccurredAt > occurredAt) {
            throw new IllegalArgumentException("0 <= original_occurred_at <= occurred_at");
        }
    }

    public Optional<String> labelIfAny() {
        return Optional.ofNullable(label);
    }
}
