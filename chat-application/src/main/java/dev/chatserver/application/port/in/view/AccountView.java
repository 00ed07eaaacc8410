package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.User;

import java.util.Objects;

/** An account as an administrator sees it: the user and its standing. */
public record AccountView(User user, AccountStanding standing) {
    public AccountView {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(standing, "standing");
        if (!standing.user().equals(user.id())) {
            throw new IllegalArgumentException("the standing of " + standing.user() + " is not that of " + user.id());
        }
    }
}
