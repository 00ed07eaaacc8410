package dev.chatserver.domain.account;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A user about to be registered: what the directory needs to give it an id and a partner record. */
public record NewUser(Login login, String name, String email) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    public NewUser {
        Objects.requireNonNull(login, "login");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (email == null || email.length() > MAX_EMAIL_LENGTH || (!email.isEmpty() && !email.contains("@"))) {
            throw new InvalidInput("email", "email is an address with '@', at most " + MAX_EMAIL_LENGTH + " characters");
        }
        name = name.strip();
    }
}
