package dev.chatserver.domain.problem;

/**
 * The thing named by a parameter does not exist, or the caller may not know that it does: both answer alike.
 * {@link #kind()} says what was looked for (user, group, session, chat, room, ...).
 */
public final class NotFound extends ChatProblem {
    private final String kind;

    public NotFound(String kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
