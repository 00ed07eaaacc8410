package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.UUID;

/**
 * A member's read pointer moved in an IM session: {@code reader} has seen every message up to
 * {@code seenMessageId}. Every member hears it, the reader's own other connections too.
 */
public record ReadReceipt(long sessionId, UUID session, UserId reader, long seenMessageId) implements DomainEvent {
    public ReadReceipt {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reader, "reader");
        if (seenMessageId <= 0) {
            throw new IllegalArgumentException("a read pointer is a message id: " + seenMessageId);
        }
    }
}
