package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.chats.Event;
import java.util.Objects;

/** An event was appended to a chat's event room (stored, or transient and only broadcast). */
public record ChatEventAppended(Event event) implements DomainEvent {
    public ChatEventAppended {
        Objects.requireNonNull(event, "event");
    }

    @Override
    public int textLength() {
        return event.data().value().length() + event.type().length() + event.set().length()
                + event.labelIfAny().map(String::length).orElse(0)
                + (event.attribute() == null ? 0 : event.attribute().length());
    }
}
