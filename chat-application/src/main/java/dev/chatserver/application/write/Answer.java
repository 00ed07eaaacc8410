package dev.chatserver.application.write;

import dev.chatserver.domain.problem.ChatProblem;

import java.util.Objects;

/** What one command of a batch came to: its result, or the problem the aggregate refused it with. */
public record Answer<R>(R result, ChatProblem problem) {
    public static <R> Answer<R> done(R result) {
        return new Answer<>(Objects.requireNonNull(result, "result"), null);
    }

    public static <R> Answer<R> refused(ChatProblem problem) {
        return new Answer<>(null, Objects.requireNonNull(problem, "problem"));
    }
}
