package dev.chatserver.domain.account;

import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.Refused;

import java.util.Objects;

/**
 * What an account may do on the server beside chatting: whether it administers the server, and whether it is
 * disabled (it cannot sign in, and its sign-ins have ended). It decides who may administer and what an
 * administrator may change about an account.
 */
public record AccountStanding(UserId user, boolean admin, boolean disabled) {
    private static final String NOT_ADMINISTRATOR = "only an administrator may do this";

    public AccountStanding {
        Objects.requireNonNull(user, "user");
    }

    /** The standing of an account nobody changed: a user who chats. */
    public static AccountStanding ordinary(UserId user) {
        return new AccountStanding(user, false, false);
    }

    /** Only an enabled administrator administers; anyone else is refused. */
    public void requireAdministrator() {
        if (!admin || disabled) {
            throw notAdministrator();
        }
    }

    /** The refusal of anyone who does not administer, or whose account is unknown. */
    public static AccessDenied notAdministrator() {
        return new AccessDenied(NOT_ADMINISTRATOR);
    }

    /**
     * This account disabled or enabled again by {@code administrator}. An administrator never disables themself,
     * so a server always keeps the administrator who acts.
     */
    public AccountStanding disabledBy(AccountStanding administrator, boolean disable) {
        administrator.requireAdministrator();
        if (disable && administrator.user().equals(user)) {
            throw new Refused("cannot_disable_self", "an administrator cannot disable their own account");
        }
        return new AccountStanding(user, admin, disable);
    }

    /** The administrator role given to this account. */
    public AccountStanding grantedAdmin() {
        return new AccountStanding(user, true, disabled);
    }
}
