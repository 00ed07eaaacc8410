package dev.chatserver.application.port.in.realtime;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/**
 * Who listens on the bus: a signed-in user (who is also an account of the Chats API, {@code label.audience}),
 * or a tenant's backend known only by its account. Rights depend on both.
 */
public record Listener(Optional<UserId> user, Optional<String> account) {
    public Listener {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(account, "account");
        if (user.isEmpty() && account.isEmpty()) {
            throw new InvalidInput("account", "a listener is a user or an account");
        }
    }

    public static Listener ofUser(UserId user) {
        return new Listener(Optional.of(user), Optional.empty());
    }

    public static Listener ofUser(UserId user, String account) {
        return new Listener(Optional.of(user), Optional.of(account));
    }

    public static Listener ofAccount(String account) {
        return new Listener(Optional.empty(), Optional.of(account));
    }
}
