package dev.chatserver.application.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate budget: a bucket of {@code count} tokens refilled at {@code count} per {@code per}, so a burst of
 * {@code count} and, sustained, {@code count} per {@code per}. Written {@code COUNT/DURATION} on the command line.
 */
public record Rate(int count, Duration per) {
    public Rate {
        Objects.requireNonNull(per, "per");
        if (count < 1) {
            throw new IllegalArgumentException("a rate allows at least 1");
        }
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate's duration is positive");
        }
    }

    public static Rate of(int count, Duration per) {
        return new Rate(count, per);
    }

    /** How long one token takes to come back. */
    Duration interval() {
        return per.dividedBy(count);
    }

    @Override
    public String toString() {
        return count + "/" + per;
    }
}
