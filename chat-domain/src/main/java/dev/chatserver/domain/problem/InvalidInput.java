package dev.chatserver.domain.problem;

/** A parameter is missing, mistyped or out of range. */
public final class InvalidInput extends ChatProblem {
    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
