package dev.chatserver.domain.problem;

/**
 * Something a caller asked for that the chat core refuses. Each API face translates it into its own error
 * shape; {@link #field()} names the offending value when there is one, in the core's words: the field of the
 * command it came in (e.g. {@code session}, {@code lastId}), never a name of an API's wire. A message about a
 * field begins with that name, so a face that calls the field otherwise can say it in its own words.
 */
public abstract class ChatProblem extends RuntimeException {
    private final String field;

    protected ChatProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The offending field, in the core's words, or null when the problem is not about one value. */
    public String field() {
        return field;
    }
}
