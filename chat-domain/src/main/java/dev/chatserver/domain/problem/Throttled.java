package dev.chatserver.domain.problem;

import java.time.Duration;

/** Too many failed attempts came from this caller or for this name: nothing is tried until {@link #retryAfter()}. */
public final class Throttled extends ChatProblem {
    private final Duration retryAfter;

    public Throttled(Duration retryAfter, String message) {
        super(null, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
