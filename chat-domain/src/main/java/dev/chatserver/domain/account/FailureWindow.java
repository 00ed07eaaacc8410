package dev.chatserver.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in throttling rule: at most {@code maxFailures} failed sign-ins within any {@code length} of time. Once
 * that many have failed, attempts are refused until the oldest of the last {@code maxFailures} failures is
 * {@code length} old, so the count within the window falls below the limit again.
 */
public record FailureWindow(int maxFailures, Duration length) {
    public FailureWindow {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("at least one failure is allowed");
        }
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("the window is positive");
        }
    }

    /** Failures at or before this instant no longer count at {@code now}. */
    public Instant start(Instant now) {
        return now.minus(length);
    }

    /**
     * Until when attempts are refused, given the failures that count at {@code now}, newest first (at least the
     * last {@code maxFailures} of them); empty while attempts are open.
     */
    public Optional<Instant> closedUntil(List<Instant> recentFailuresNewestFirst, Instant now) {
        if (recentFailuresNewestFirst.size() < maxFailures) {
            return Optional.empty();
        }
        Instant reopens = recentFailuresNewestFirst.get(maxFailures - 1).plus(length);
        return reopens.isAfter(now) ? Optional.of(reopens) : Optional.empty();
    }
}
