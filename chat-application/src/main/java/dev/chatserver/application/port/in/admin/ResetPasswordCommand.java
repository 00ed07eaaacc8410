package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** An administrator giving an account a new password; the account's sign-ins end. */
public record ResetPasswordCommand(Administrator by, UserId user, char[] password) {
    public ResetPasswordCommand {
        Objects.requireNonNull(by, "by");
        if (user == null) {
            throw new InvalidInput("user", "user is required");
        }
        if (password == null || password.length < AddUserCommand.MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "password has at least " + AddUserCommand.MIN_PASSWORD_LENGTH
                    + " characters");
        }
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[by=" + by + ", user=" + user + ", password=***]";
    }
}
