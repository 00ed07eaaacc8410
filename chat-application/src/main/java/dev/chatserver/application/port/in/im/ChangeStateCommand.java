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
            throw new InvalidInput("uuid", "uuid is required");
        }
        if (state == null) {
            throw new InvalidInput("state", "state is required");
        }
    }

    public static ChangeStateCommand of(User caller, String uuid, String state) {
        return new ChangeStateCommand(caller, Params.session("uuid", uuid),
                SessionState.parse("state", Params.required("state", state)));
    }
}
