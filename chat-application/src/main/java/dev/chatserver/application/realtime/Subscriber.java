package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;

import java.util.List;
import java.util.Set;

/**
 * One listener on the bus (a live feed or a held long-poll) and how far it got: the channels it is registered
 * on and the id of the last notification handed to it. Its state changes only under the {@link ChannelRegistry}'s
 * lock.
 */
final class Subscriber {
    final Listener listener;
    final FeedSink sink;
    /** A held long-poll rather than a live feed: released with nothing when the server stops. */
    final boolean heldPoll;
    private final Meters meters;
    Set<Channel> channels = Set.of();
    long lastSent;
    /** Reading the log by itself up to the present: the dispatcher leaves it alone meanwhile. */
    boolean catchingUp;
    /** Counts this listener's subscriptions: a catch-up stops when a newer one replaced its own. */
    long subscription;
    /** The subscription whose catch-up is reading the log now, or 0: one catch-up at a time. */
    long catchUpOf;
    /** Closed, or its sink broke: it gets nothing more. */
    boolean dropped;

    Subscriber(Listener listener, FeedSink sink, boolean heldPoll, Meters meters) {
        this.listener = listener;
        this.sink = sink;
        this.heldPoll = heldPoll;
        this.meters = meters;
    }

    /**
     * Hands the batch (never empty) to the sink; false when the sink threw, which drops the subscriber: a
     * connection that cannot take its batch gets no more, and the others must not pay for it.
     */
    boolean take(List<Notification> batch) {
        if (dropped) {
            return false;
        }
        lastSent = batch.get(batch.size() - 1).id();
        try {
            sink.deliver(batch);
            meters.notificationsDelivered(batch.size());
            return true;
        } catch (RuntimeException brokenSink) {
            dropped = true;
            return false;
        }
    }

    /**
     * Hands the sink the front of the batch (never empty) that it has room for, at least one notification;
     * answers how many it took, or -1 when the sink threw, which drops the subscriber as {@link #take} does.
     */
    int takeWhileRoom(List<Notification> batch) {
        if (dropped) {
            return -1;
        }
        try {
            int taken = Math.max(1, Math.min(batch.size(), sink.deliverWhileRoom(batch)));
            lastSent = batch.get(taken - 1).id();
            meters.notificationsDelivered(taken);
            return taken;
        } catch (RuntimeException brokenSink) {
            dropped = true;
            return -1;
        }
    }

    /** Tells the sink it missed what the retention dropped after {@code resumedFrom}; false when the sink threw. */
    boolean warnExpired(long resumedFrom) {
        if (dropped) {
            return false;
        }
        try {
            sink.expired(resumedFrom);
            return true;
        } catch (RuntimeException brokenSink) {
            dropped = true;
            return false;
        }
    }
}
