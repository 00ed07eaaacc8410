package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.problem.InvalidInput;

/** Adds the user of a login to a group named by its id or, when not a number, by its exact name. */
public record AddMemberCommand(String group, Login login) {
    public AddMemberCommand {
        if (group == null || group.isBlank()) {
            throw new InvalidInput("group", "group is required");
        }
        if (login == null) {
            throw new InvalidInput("login", "login is required");
        }
    }

    public static AddMemberCommand of(String group, String login) {
        return new AddMemberCommand(group, new Login(login));
    }
}
