package dev.chatserver.application.port.out.notification;

import java.util.List;
import java.util.Map;

/**
 * What a read of the notification log found: the notifications after the asked id in id order, or, when
 * that id can no longer be resumed from (notifications after it were already dropped, or the log never gave
 * it out), {@link #expired()} with nothing in the list, so the reader reloads instead of silently missing
 * some. {@code passedUpTo} is the highest id the read went past without handing it out (a notification this
 * node cannot read, stored by a newer one), 0 when none: the reader's cursor moves past it all the same.
 * {@code lost} names, for a read that notes losses channel by channel, each asked channel that lost
 * notifications after the asked id, with the highest id it lost; empty otherwise.
 */
public record LogRead(List<Notification> notifications, boolean expired, long passedUpTo, Map<Channel, Long> lost) {
    public LogRead {
        notifications = List.copyOf(notifications);
        lost = Map.copyOf(lost);
        if (expired && !notifications.isEmpty()) {
            throw new IllegalArgumentException("an expired read carries no notifications");
        }
    }

    public static LogRead of(List<Notification> notifications) {
        return new LogRead(notifications, false, 0, Map.of());
    }

    /** A read that also went past notifications up to {@code passedUpTo} that it could not hand out. */
    public static LogRead of(List<Notification> notifications, long passedUpTo) {
        return new LogRead(notifications, false, passedUpTo, Map.of());
    }

    /** This read noting the channels that lost notifications after the asked id, and up to which id each did. */
    public LogRead losing(Map<Channel, Long> lostByChannel) {
        return new LogRead(notifications, expired, passedUpTo, lostByChannel);
    }

    public static LogRead expiredRead() {
        return new LogRead(List.of(), true, 0, Map.of());
    }

    /** The id the reader has now read up to: the newest notification read or passed, or {@code after} when none. */
    public long lastIdOr(long after) {
        long newest = notifications.isEmpty() ? after : notifications.get(notifications.size() - 1).id();
        return Math.max(Math.max(newest, passedUpTo), after);
    }
}
