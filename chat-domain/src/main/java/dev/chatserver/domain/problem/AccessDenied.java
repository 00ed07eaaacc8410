package dev.chatserver.domain.problem;

/** The caller is known but may not do this. */
public final class AccessDenied extends ChatProblem {
    public AccessDenied(String message) {
        super(null, message);
    }

    /** Denied because of what one parameter asked for, e.g. a channel one may not read. */
    public AccessDenied(String field, String message) {
        super(field, message);
    }
}
