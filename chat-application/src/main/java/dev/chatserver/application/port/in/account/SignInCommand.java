package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.problem.InvalidInput;

/** A login and the password offered for it. */
public record SignInCommand(Login login, char[] password) {
    public SignInCommand {
        if (login == null) {
            throw new InvalidInput("login", "login is required");
        }
        if (password == null || password.length == 0) {
            throw new InvalidInput("password", "password is required");
        }
    }

    public static SignInCommand of(String login, String password) {
        return new SignInCommand(new Login(login), password == null ? null : password.toCharArray());
    }

    @Override
    public String toString() {
        return "SignInCommand[login=" + login + ", password=***]";
    }
}
