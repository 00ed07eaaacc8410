package dev.chatserver.domain.chats;

import java.util.Objects;

/** An event to append under {@code id}: {@code persistent} when it is stored, not only broadcast. */
public record EventDraft(EventId id, NewEvent event, boolean persistent) {
    public EventDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
