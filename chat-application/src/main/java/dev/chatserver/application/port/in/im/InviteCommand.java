package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller invites {@code user_id} into their session {@code uuid} (Odoo 8's add_user). */
public record InviteCommand(User caller, UUID session, UserId newcomer) {
    public InviteCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("uuid", "uuid is required");
        }
        if (newcomer == null) {
            throw new InvalidInput("user_id", "user_id is required");
        }
    }

    public static InviteCommand of(User caller, String uuid, Long userId) {
        return new InviteCommand(caller, Params.session("uuid", uuid), Params.user("user_id", userId));
    }
}
