package dev.chatserver.domain.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * Nothing is tried until {@link #retryAfter()}: too many failed attempts came from this caller or for this name
 * (sign-in), or the caller spent a budget of theirs ({@link #budget()} names it, e.g. {@code posts}).
 */
public final class Throttled extends ChatProblem {
    private final Duration retryAfter;
    private final String budget;

    public Throttled(Duration retryAfter, String message) {
        this(retryAfter, null, message);
    }

    private Throttled(Duration retryAfter, String budget, String message) {
        super(null, message);
        this.retryAfter = retryAfter;
        this.budget = budget;
    }

    /** The caller spent their budget {@code budget}; a unit of it is back after {@code retryAfter}. */
    public static Throttled overBudget(String budget, Duration retryAfter) {
        return new Throttled(retryAfter, budget, "too many " + budget.replace('_', ' ') + " for now; retry in "
                + Math.max(1, ceilSeconds(retryAfter)) + " s");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The budget spent, or empty when failed attempts closed the door. */
    public Optional<String> budget() {
        return Optional.ofNullable(budget);
    }

    private static long ceilSeconds(Duration duration) {
        return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    }
}
