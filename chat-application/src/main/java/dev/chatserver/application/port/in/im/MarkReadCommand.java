package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller has read {@code session} up to message {@code messageId}. */
public record MarkReadCommand(User caller, UUID session, long messageId) {
    public MarkReadCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        if (messageId <= 0) {
            throw new InvalidInput("messageId", "messageId is a positive message id");
        }
    }
}
