package dev.chatserver.domain.problem;

/** The caller is known but may not do this. */
public final class AccessDenied extends ChatProblem {
    public AccessDenied(String message) {
        super(null, message);
    }
}
