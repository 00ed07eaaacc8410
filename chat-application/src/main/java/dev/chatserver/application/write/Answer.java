package dev.chatserver.application.write;

import dev.chatserver.domain.problem.ChatProblem;

import java.util.Objects;

/**
 * What one command of a batch came to: its result, or the problem the aggregate refused it with. A result
 * {@linkplain #replayed() replayed} is the answer to an earlier command with the same client key: nothing new
 * was stored for it.
 */
public record Answer<R>(R result, ChatProblem problem, boolean replayed) {
    public static <R> Answer<R> done(R result) {
        return new Answer<>(Objects.requireNonNull(result, "result"), null, false);
    }

    public static <R> Answer<R> replayed(R result) {
        return new Answer<>(Objects.requireNonNull(result, "result"), null, true);
    }

    public static <R> Answer<R> refused(ChatProblem problem) {
        return new Answer<>(null, Objects.requireNonNull(problem, "problem"), false);
    }

    /** Whether this answer stored something new. */
    public boolean stored() {
        return problem == null && !replayed;
    }
}
