package dev.chatserver.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The author of a message in an IM session said it differently: its new content. */
public record MessageEdited(UUID sessionUuid, long messageId, String content, Instant editDate) implements DomainEvent {
    public MessageEdited {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(editDate, "editDate");
    }
}
