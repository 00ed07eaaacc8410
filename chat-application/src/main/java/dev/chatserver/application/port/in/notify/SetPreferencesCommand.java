package dev.chatserver.application.port.in.notify;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller wants {@code email}: every digest, only mentions, or none. */
public record SetPreferencesCommand(UserId caller, EmailChoice email) {
    public SetPreferencesCommand {
        Objects.requireNonNull(caller, "caller");
        if (email == null) {
            throw new InvalidInput("email", "email is required");
        }
    }
}
