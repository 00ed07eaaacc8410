package dev.chatserver.domain.problem;

/** What a client sent is larger than the server takes (413); {@link #field()} names it. */
public final class TooLarge extends ChatProblem {
    public TooLarge(String field, String message) {
        super(field, message);
    }
}
