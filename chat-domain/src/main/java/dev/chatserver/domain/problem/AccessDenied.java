package dev.chatserver.domain.problem;

/**
 * The caller is known but may not do this. {@link #kind()} says which rule refused it when a client must tell them
 * apart ({@code banned}, {@code type_locked}); {@code access_denied} otherwise.
 */
public final class AccessDenied extends ChatProblem {
    public static final String DENIED = "access_denied";

    private final String kind;

    public AccessDenied(String message) {
        this(DENIED, null, message);
    }

    /** Denied because of what one parameter asked for, e.g. a channel one may not read. */
    public AccessDenied(String field, String message) {
        this(DENIED, field, message);
    }

    private AccessDenied(String kind, String field, String message) {
        super(field, message);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** Denied by the rule {@code kind}, about {@code field} (or null). */
    public static AccessDenied ofRule(String kind, String field, String message) {
        return new AccessDenied(kind, field, message);
    }

    public String kind() {
        return kind;
    }
}
