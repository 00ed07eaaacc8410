package dev.chatserver.application.port.out.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the notification log keeps what it was given: a notification is dropped once it is older than
 * {@code maxAge} or once more than {@code maxCount} newer ones exist. A client can resume only within it.
 */
public record NotificationRetention(Duration maxAge, int maxCount) {
    public static final NotificationRetention DEFAULT = new NotificationRetention(Duration.ofMinutes(15), 20_000);

    public NotificationRetention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the retention age must be positive, not " + maxAge);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("the retention count must be positive, not " + maxCount);
        }
    }
}
