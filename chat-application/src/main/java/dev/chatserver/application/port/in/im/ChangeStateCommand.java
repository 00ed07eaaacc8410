package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller opens, folds or closes a session of theirs (Odoo's update_state). */
public record ChangeStateCommand(User caller, UUID session, SessionState state) {
    public ChangeStateCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        if (state == null) {
            throw new InvalidInput("state", "state is required");
        }
    }
}
