package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.account.AddUserCommand;

import java.util.Objects;

/** An administrator registering an account. */
public record CreateUserCommand(Administrator by, AddUserCommand user) {
    public CreateUserCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(user, "user");
    }
}
