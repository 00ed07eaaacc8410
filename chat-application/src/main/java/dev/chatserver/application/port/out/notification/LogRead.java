package dev.chatserver.application.port.out.notification;

import java.util.List;

/**
 * What a read of the notification log found: the notifications after the asked id in id order, or, when
 * that id can no longer be resumed from (notifications after it were already dropped, or the log never gave
 * it out), {@link #expired()} with nothing in the list, so the reader reloads instead of silently missing
 * some.
 */
public record LogRead(List<Notification> notifications, boolean expired) {
    public LogRead {
        notifications = List.copyOf(notifications);
        if (expired && !notifications.isEmpty()) {
            throw new IllegalArgumentException("an expired read carries no notifications");
        }
    }

    public static LogRead of(List<Notification> notifications) {
        return new LogRead(notifications, false);
    }

    public static LogRead expiredRead() {
        return new LogRead(List.of(), true);
    }

    /** The id of the newest notification read, or {@code after} when there is none. */
    public long lastIdOr(long after) {
        return notifications.isEmpty() ? after : notifications.get(notifications.size() - 1).id();
    }
}
