package dev.chatserver.application.port.out.notification;

import dev.chatserver.application.port.out.notification.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification: its id, where it goes, what happened and when it was appended (or sent). A kept one
 * ({@link #signal} false) is in the log under its own increasing id. A transient signal (typing) is never kept:
 * it reaches whoever listens at that moment, under the id of the last kept notification that listener was
 * given (0 when none), so a client that remembers the id of every notification it receives still resumes from
 * the right place, and resuming never replays a signal.
 */
public record Notification(long id, Channel channel, DomainEvent event, Instant appendedAt, boolean signal) {
    public Notification {
        if (signal ? id < 0 : id <= 0) {
            throw new IllegalArgumentException("a notification id is positive (0 for a signal sent before any), not " + id);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(appendedAt, "appendedAt");
    }

    /** A notification kept in the log under {@code id}. */
    public Notification(long id, Channel channel, DomainEvent event, Instant appendedAt) {
        this(id, channel, event, appendedAt, false);
    }

    /** A transient signal sent at {@code sentAt}, not yet addressed to a listener (its id is 0). */
    public static Notification signal(Channel channel, DomainEvent event, Instant sentAt) {
        return new Notification(0, channel, event, sentAt, true);
    }

    /** This signal as handed to a listener whose last kept notification was {@code lastSeen}. */
    public Notification signalAfter(long lastSeen) {
        if (!signal) {
            throw new IllegalStateException("only a signal takes the id of what its listener saw last");
        }
        return new Notification(lastSeen, channel, event, appendedAt, true);
    }
}
