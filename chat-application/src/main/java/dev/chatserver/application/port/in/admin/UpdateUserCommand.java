package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/** An administrator renaming an account, disabling it or enabling it again: at least one of the two. */
public record UpdateUserCommand(Administrator by, UserId user, Optional<String> name, Optional<Boolean> disabled) {
    public UpdateUserCommand {
        Objects.requireNonNull(by, "by");
        if (user == null) {
            throw new InvalidInput("user", "user is required");
        }
        name = name.map(String::strip);
        if (name.isPresent() && (name.get().isEmpty() || name.get().length() > NewUser.MAX_NAME_LENGTH)) {
            throw new InvalidInput("name", "name is 1 to " + NewUser.MAX_NAME_LENGTH + " characters");
        }
        if (name.isEmpty() && disabled.isEmpty()) {
            throw new InvalidInput("name", "name or disabled is required");
        }
    }
}
