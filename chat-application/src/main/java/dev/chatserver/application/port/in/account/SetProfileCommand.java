package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A signed-in user renaming themself. */
public record SetProfileCommand(UserId user, String name) {
    public SetProfileCommand {
        Objects.requireNonNull(user, "user");
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.length() > NewUser.MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name is 1 to " + NewUser.MAX_NAME_LENGTH + " characters");
        }
    }
}
