package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/**
 * A signed-in user changing their own password: the old one proves it is them; every other sign-in of the account
 * ends, the one of {@code keptToken} (the caller's, null when it has none) stays.
 */
public record ChangePasswordCommand(UserId user, char[] oldPassword, char[] newPassword, String keptToken) {
    public ChangePasswordCommand {
        Objects.requireNonNull(user, "user");
        if (oldPassword == null || oldPassword.length == 0) {
            throw new InvalidInput("oldPassword", "oldPassword is required");
        }
        if (newPassword == null || newPassword.length < AddUserCommand.MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("newPassword", "newPassword has at least " + AddUserCommand.MIN_PASSWORD_LENGTH
                    + " characters");
        }
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[user=" + user + ", oldPassword=***, newPassword=***, keptToken=***]";
    }
}
