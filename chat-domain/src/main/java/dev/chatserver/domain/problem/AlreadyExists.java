package dev.chatserver.domain.problem;

/** A unique thing would exist twice; {@link #kind()} says which rule (chat_already_exists, login_taken, ...). */
public final class AlreadyExists extends ChatProblem {
    private final String kind;

    public AlreadyExists(String kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
