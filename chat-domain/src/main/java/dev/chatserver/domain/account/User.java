package dev.chatserver.domain.account;

import java.util.Objects;

/** Someone who can sign in and chat. The password is not part of the user: it lives with the credentials. */
public record User(UserId id, Login login, String name, String email, Partner partner) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(partner, "partner");
    }
}
