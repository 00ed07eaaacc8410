package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.notification.Channel;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Up to which id notifications were dropped, so that a reader resuming after an id is told it expired exactly
 * when it missed something: a floor below which every channel lost everything (what aged out of the retention,
 * since ids grow with time), and, above it, the highest id each channel lost to the count and bytes bounds.
 *
 * <p>Bounded: a channel's entry melts into the floor once what it lost is older than the retention (a cursor
 * that old is past the retention on every channel anyway), or when more than {@code maxChannels} channels have
 * one (the oldest melts first; a reader of another channel may then be told it expired when it lost nothing,
 * never the reverse).
 */
final class LostNotifications {
    private record Lost(Channel channel, long upTo, Instant appendedAt) {
    }

    private final int maxChannels;
    private final Map<Channel, Lost> byChannel = new HashMap<>();
    private final TreeSet<Lost> oldestFirst = new TreeSet<>(
            Comparator.comparingLong(Lost::upTo).thenComparing(lost -> lost.channel().name()));
    private long floor;

    LostNotifications(int maxChannels) {
        this.maxChannels = maxChannels;
    }

    /** Every notification up to {@code id} is gone on every channel: it aged out. */
    void agedOut(long id) {
        raiseFloor(id);
    }

    /** {@code channel} lost its notification {@code id}, appended at {@code appendedAt}, to a bound of the log. */
    void evicted(Channel channel, long id, Instant appendedAt) {
        Lost before = byChannel.get(channel);
        if (before != null) {
            oldestFirst.remove(before);
        }
        Lost lost = new Lost(channel, Math.max(id, before == null ? 0 : before.upTo()), appendedAt);
        byChannel.put(channel, lost);
        oldestFirst.add(lost);
        while (byChannel.size() > maxChannels) {
            raiseFloor(oldestFirst.first().upTo());
        }
    }

    /** Melts into the floor what was lost before {@code oldestKept}: a cursor that old is expired on every channel. */
    void forgetBefore(Instant oldestKept) {
        while (!oldestFirst.isEmpty() && oldestFirst.first().appendedAt().isBefore(oldestKept)) {
            raiseFloor(oldestFirst.first().upTo());
        }
    }

    /** Below this id a reader missed something whatever it reads. */
    long floor() {
        return floor;
    }

    /** Each of {@code channels} that lost notifications after {@code after}, with the highest id it lost. */
    Map<Channel, Long> after(long after, Set<Channel> channels) {
        Map<Channel, Long> lost = new HashMap<>();
        if (byChannel.size() < channels.size()) {
            byChannel.forEach((channel, entry) -> {
                if (entry.upTo() > after && channels.contains(channel)) {
                    lost.put(channel, entry.upTo());
                }
            });
        } else {
            for (Channel channel : channels) {
                Lost entry = byChannel.get(channel);
                if (entry != null && entry.upTo() > after) {
                    lost.put(channel, entry.upTo());
                }
            }
        }
        return lost;
    }

    private void raiseFloor(long id) {
        floor = Math.max(floor, id);
        while (!oldestFirst.isEmpty() && oldestFirst.first().upTo() <= floor) {
            byChannel.remove(oldestFirst.pollFirst().channel());
        }
    }
}
