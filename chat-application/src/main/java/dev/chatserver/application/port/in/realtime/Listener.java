package dev.chatserver.application.port.in.realtime;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/**
 * Who listens on the bus: a signed-in user (who is also an account of the Chats API),
 * or a tenant's backend known only by its account. Rights depend on both. A user who listens with a sign-in
 * token is known by that token's hash too, so that its connections end when the token does.
 */
public record Listener(Optional<UserId> user, Optional<AccountId> account, Optional<String> tokenHash) {
    public Listener {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (user.isEmpty() && account.isEmpty()) {
            throw new InvalidInput("account", "a listener is a user or an account");
        }
    }

    public Listener(Optional<UserId> user, Optional<AccountId> account) {
        this(user, account, Optional.empty());
    }

    /** This listener, connected with the sign-in token of this hash. */
    public Listener signedInWith(String tokenHash) {
        return new Listener(user, account, Optional.of(tokenHash));
    }

    /** Whom the per-client bounds count against: the user, or a backend's account. */
    public String holder() {
        return user.map(id -> "user:" + id.value()).orElseGet(() -> "account:" + account.orElseThrow().key());
    }

    public static Listener ofUser(UserId user) {
        return new Listener(Optional.of(user), Optional.empty());
    }

    public static Listener ofUser(UserId user, AccountId account) {
        return new Listener(Optional.of(user), Optional.of(account));
    }

    public static Listener ofAccount(AccountId account) {
        return new Listener(Optional.empty(), Optional.of(account));
    }
}
