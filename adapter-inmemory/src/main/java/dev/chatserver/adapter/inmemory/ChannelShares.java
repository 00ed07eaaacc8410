package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.notification.Channel;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each channel holds of the in-memory log (its notification ids, oldest first, and their estimated bytes),
 * and which channel holds the most notifications or the most bytes: the one the retention takes from first.
 * Among channels holding as much, the one whose oldest notification is the oldest. Bounded by the log itself:
 * a channel with nothing kept has no entry.
 */
final class ChannelShares {
    private static final Comparator<Share> OLDEST_LAST = Comparator.comparingLong((Share s) -> s.ids.peekFirst()).reversed();

    private final Map<Channel, Share> byChannel = new HashMap<>();
    private final TreeSet<Share> byCount = new TreeSet<>(Comparator.comparingInt((Share s) -> s.ids.size()).thenComparing(OLDEST_LAST));
    private final TreeSet<Share> byBytes = new TreeSet<>(Comparator.comparingLong((Share s) -> s.bytes).thenComparing(OLDEST_LAST));

    private static final class Share {
        final Channel channel;
        final ArrayDeque<Long> ids = new ArrayDeque<>();
        long bytes;

        Share(Channel channel) {
            this.channel = channel;
        }
    }

    void add(Channel channel, long id, long bytes) {
        Share share = byChannel.get(channel);
        if (share == null) {
            share = new Share(channel);
            byChannel.put(channel, share);
        } else {
            unrank(share);
        }
        share.ids.addLast(id);
        share.bytes += bytes;
        rank(share);
    }

    /** Forgets the oldest notification of {@code channel}, which is {@code id}, of {@code bytes} bytes. */
    void removeOldest(Channel channel, long id, long bytes) {
        Share share = byChannel.get(channel);
        unrank(share);
        long oldest = share.ids.removeFirst();
        if (oldest != id) {
            throw new IllegalStateException("the oldest of " + channel + " is " + oldest + ", not " + id);
        }
        share.bytes -= bytes;
        if (share.ids.isEmpty()) {
            byChannel.remove(channel);
        } else {
            rank(share);
        }
    }

    /** A notification of {@code channel} was rewritten, now {@code change} bytes larger (or smaller). */
    void resized(Channel channel, long change) {
        Share share = byChannel.get(channel);
        unrank(share);
        share.bytes += change;
        rank(share);
    }

    /** The id of the oldest notification of the channel holding the most notifications. */
    long oldestOfMostNotifications() {
        return byCount.last().ids.peekFirst();
    }

    /** The id of the oldest notification of the channel holding the most bytes. */
    long oldestOfMostBytes() {
        return byBytes.last().ids.peekFirst();
    }

    private void unrank(Share share) {
        byCount.remove(share);
        byBytes.remove(share);
    }

    private void rank(Share share) {
        byCount.add(share);
        byBytes.add(share);
    }
}
