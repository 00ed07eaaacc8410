package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** An administrator ending every sign-in of an account. */
public record EndSessionsCommand(Administrator by, UserId user) {
    public EndSessionsCommand {
        Objects.requireNonNull(by, "by");
        if (user == null) {
            throw new InvalidInput("user", "user is required");
        }
    }
}
