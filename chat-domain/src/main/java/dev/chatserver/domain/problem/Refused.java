package dev.chatserver.domain.problem;

/** The request is well formed but the current state forbids it; {@link #kind()} says which rule (room_closed, ...). */
public final class Refused extends ChatProblem {
    private final String kind;

    public Refused(String kind, String message) {
        super(null, message);
        this.kind = kind;
    }

    /** Refused because of the value one field carried (or failed to carry), named as the command calls it. */
    public Refused(String kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
