package dev.chatserver.domain.event;

import dev.chatserver.domain.chats.Event;
import java.util.Objects;

/** An event was appended to a chat's event room (stored, or transient and only broadcast). */
public record ChatEventAppended(Event event) implements DomainEvent {
    public ChatEventAppended {
        Objects.requireNonNull(event, "event");
    }
}
