package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller invites the user {@code newcomer} into their session (Odoo 8's add_user). */
public record InviteCommand(User caller, UUID session, UserId newcomer) {
    public InviteCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        if (newcomer == null) {
            throw new InvalidInput("newcomer", "newcomer is required");
        }
    }
}
