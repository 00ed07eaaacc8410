package dev.chatserver.application.port.out.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how much the notification log keeps: a notification is dropped once it is older than
 * {@code maxAge}; while the log holds more than {@code maxCount} notifications or more than {@code maxBytes}
 * bytes, the oldest notifications of the channel holding the most are dropped (a fair share: one channel's
 * flood cannot push out another channel's notifications while it holds more than they do). A client can resume
 * only within it.
 */
public record NotificationRetention(Duration maxAge, int maxCount, long maxBytes) {
    /** 64 MiB: an eighth of the smallest heap the server is run with (512 MB), whatever the heap. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final NotificationRetention DEFAULT =
            new NotificationRetention(Duration.ofMinutes(15), 20_000, DEFAULT_MAX_BYTES);

    public NotificationRetention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the retention age must be positive, not " + maxAge);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("the retention count must be positive, not " + maxCount);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the retention bytes must be positive, not " + maxBytes);
        }
    }

    /**
     * The fair share of a bound among holders: the largest cap such that, each holder keeping at most the cap
     * of what it holds ({@code holdings}: notifications or bytes per channel), they keep {@code bound} at most
     * together. Holders under the cap lose nothing; only those above it are cut, down to it. Unbounded
     * ({@link Long#MAX_VALUE}) when they hold no more than {@code bound} already.
     */
    public static long fairCap(java.util.Collection<Long> holdings, long bound) {
        long[] ascending = holdings.stream().mapToLong(Long::longValue).sorted().toArray();
        long remaining = bound;
        for (int i = 0; i < ascending.length; i++) {
            int holdersLeft = ascending.length - i;
            if (ascending[i] > remaining / holdersLeft) {
                return remaining / holdersLeft;
            }
            remaining -= ascending[i];
        }
        return Long.MAX_VALUE;
    }

    /** Bounded by age and count, and by the default bytes. */
    public NotificationRetention(Duration maxAge, int maxCount) {
        this(maxAge, maxCount, DEFAULT_MAX_BYTES);
    }
}
