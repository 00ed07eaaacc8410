package dev.chatserver.application.port.in.realtime;

import dev.chatserver.application.notification.Notification;

import java.util.List;

/**
 * Where a live feed hands its notifications: a connection's outbound side. Called on the dispatcher's
 * thread, so it must not block: it queues and returns.
 */
public interface FeedSink {
    /** The next notifications for this feed, in id order, never one twice. */
    void deliver(List<Notification> batch);

    /** The id the client resumed from is older than what is retained: it should reload its history. */
    void expired(long last);
}
