package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller blocks, or unblocks, {@code user}. */
public record BlockCommand(User caller, UserId user) {
    public BlockCommand {
        Objects.requireNonNull(caller, "caller");
        if (user == null) {
            throw new InvalidInput("user", "user is required");
        }
    }
}
