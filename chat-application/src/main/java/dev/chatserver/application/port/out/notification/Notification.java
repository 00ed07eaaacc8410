package dev.chatserver.application.port.out.notification;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One notification as the log keeps it: its increasing id, where it goes, what it says and when it was
 * appended. The message is a JSON-like tree; its top level is copied so later changes by the publisher do
 * not leak in.
 */
public record Notification(long id, Channel channel, Map<String, Object> message, Instant appendedAt) {
    public Notification {
        if (id <= 0) {
            throw new IllegalArgumentException("a notification id is positive, not " + id);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(appendedAt, "appendedAt");
        message = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(message, "message")));
    }
}
