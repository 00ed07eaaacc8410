package dev.chatserver.application.port.out.notification.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The author of a message in an IM session deleted it: it is a tombstone from now on. */
public record MessageDeleted(UUID sessionUuid, long messageId, Instant deleteDate) implements DomainEvent {
    public MessageDeleted {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(deleteDate, "deleteDate");
    }
}
