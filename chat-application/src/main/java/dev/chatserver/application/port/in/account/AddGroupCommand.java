package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.problem.InvalidInput;

public record AddGroupCommand(String name) {
    public static final int MAX_NAME_LENGTH = 200;

    public AddGroupCommand {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        name = name.strip();
    }
}
