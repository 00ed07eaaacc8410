package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.problem.InvalidInput;

/** A user to register with its password; {@code admin} gives it the administrator role. */
public record AddUserCommand(NewUser user, char[] password, boolean admin) {
    public static final int MIN_PASSWORD_LENGTH = 8;

    public AddUserCommand {
        if (user == null) {
            throw new InvalidInput("login", "login is required");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    public AddUserCommand(NewUser user, char[] password) {
        this(user, password, false);
    }

    public static AddUserCommand of(String login, String name, String email, String password) {
        return of(login, name, email, password, false);
    }

    public static AddUserCommand of(String login, String name, String email, String password, boolean admin) {
        return new AddUserCommand(new NewUser(new Login(login), name, email == null ? "" : email),
                password == null ? null : password.toCharArray(), admin);
    }

    @Override
    public String toString() {
        return "AddUserCommand[user=" + user + ", password=***, admin=" + admin + "]";
    }
}
