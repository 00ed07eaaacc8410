package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller files a session of theirs as active, favorite or archive. */
public record ChangeStatusCommand(User caller, UUID session, SessionStatus newStatus) {
    public ChangeStatusCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        if (newStatus == null) {
            throw new InvalidInput("newStatus", "newStatus is required");
        }
    }
}
