package dev.chatserver.application.port.out.notification;

import dev.chatserver.domain.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** One notification as the log keeps it: its increasing id, where it goes, what happened and when it was appended. */
public record Notification(long id, Channel channel, DomainEvent event, Instant appendedAt) {
    public Notification {
        if (id <= 0) {
            throw new IllegalArgumentException("a notification id is positive, not " + id);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(appendedAt, "appendedAt");
    }
}
