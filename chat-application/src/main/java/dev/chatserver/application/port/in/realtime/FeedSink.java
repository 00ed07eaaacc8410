package dev.chatserver.application.port.in.realtime;

import dev.chatserver.application.port.out.notification.Notification;

import java.util.List;

/**
 * Where a live feed hands its notifications: a connection's outbound side. Called on the dispatcher's
 * thread, so it must not block: it queues and returns.
 */
public interface FeedSink {
    /** The next notifications for this feed, in id order, never one twice. */
    void deliver(List<Notification> batch);

    /**
     * A catch-up's batch: takes notifications from its front while it has room, at least the first one, and
     * answers how many it took. A sink that stopped short calls {@link Feed#drained()} once it has room again;
     * the catch-up then reads on after the last one it took. A sink that measures nothing takes them all.
     */
    default int deliverWhileRoom(List<Notification> batch) {
        deliver(batch);
        return batch.size();
    }

    /** The id the client resumed from is older than what is retained: it should reload its history. */
    void expired(long last);

    /**
     * Whether the sink can take another catch-up batch now. A catch-up goes on only while it can; a sink that
     * said no calls {@link Feed#drained()} once it has room again, so a long catch-up never piles up.
     */
    boolean hasRoom();

    /**
     * The sign-in token this feed listens with was signed out or expired: the connection ends (a WebSocket is
     * closed with 4001, a held poll is answered as unauthenticated). Nothing is delivered after it.
     */
    void sessionEnded();
}
