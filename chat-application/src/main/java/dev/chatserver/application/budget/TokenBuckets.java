package dev.chatserver.application.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per holder for one {@link Rate}, on the clock. A bucket is kept as the one moment it will be
 * full again: taking a token pushes that moment one interval later, and a token is refused while it would lie
 * more than the rate's duration ahead. So a holder whose bucket is full has no entry: the map holds only the
 * holders who spent from it within the last duration, and entries found full again are dropped (by the holder's
 * next take, and by a sweep of the whole map at most once per duration).
 */
final class TokenBuckets {
    private final Clock clock;
    private final long intervalNanos;
    private final long capacityNanos;
    /** Holder to the moment (nanoseconds of the epoch) its bucket is full again; only buckets not full yet. */
    private final ConcurrentMap<Object, Long> fullAt = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    TokenBuckets(Rate rate, Clock clock) {
        this.clock = clock;
        this.intervalNanos = Math.max(1, rate.interval().toNanos());
        this.capacityNanos = rate.per().toNanos();
        this.nextSweep = now() + capacityNanos;
    }

    /** Takes one of the holder's tokens; when none is left, how long until one is back (and nothing is taken). */
    Optional<Duration> take(Object holder) {
        long now = now();
        sweepIfDue(now);
        long[] wait = {0};
        fullAt.compute(holder, (key, full) -> {
            long base = full == null || full < now ? now : full;
            long after = base + intervalNanos;
            if (after - now > capacityNanos) {
                wait[0] = after - now - capacityNanos;
                return full;
            }
            return after;
        });
        return wait[0] > 0 ? Optional.of(Duration.ofNanos(wait[0])) : Optional.empty();
    }

    /** Gives back a token taken for something that turned out free (it was not needed after all). */
    void giveBack(Object holder) {
        long now = now();
        fullAt.computeIfPresent(holder, (key, full) -> {
            long back = full - intervalNanos;
            return back <= now ? null : back;
        });
    }

    /** How many holders have a bucket that is not full: what the map holds. */
    int holders() {
        return fullAt.size();
    }

    private void sweepIfDue(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + capacityNanos;
        fullAt.entrySet().removeIf(entry -> entry.getValue() <= now);
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
