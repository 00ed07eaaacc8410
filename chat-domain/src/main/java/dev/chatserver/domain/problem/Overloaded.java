package dev.chatserver.domain.problem;

import java.time.Duration;

/** The server has no capacity left for this work right now; the same request may succeed after {@link #retryAfter()}. */
public final class Overloaded extends ChatProblem {
    private final Duration retryAfter;

    public Overloaded(Duration retryAfter, String message) {
        super(null, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
