package dev.chatserver.domain.problem;

/** No valid credential came with the request: a missing, unknown, revoked or expired token, or a wrong password. */
public final class Unauthenticated extends ChatProblem {
    public Unauthenticated(String message) {
        super(null, message);
    }
}
