package dev.chatserver.domain.problem;

/**
 * Something a caller asked for that the chat core refuses. Each API face translates it into its own error
 * shape; {@link #field()} names the offending parameter when there is one.
 */
public abstract class ChatProblem extends RuntimeException {
    private final String field;

    protected ChatProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The offending parameter, or null when the problem is not about one parameter. */
    public String field() {
        return field;
    }
}
