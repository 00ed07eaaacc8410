package dev.chatserver.application.port.out;

import dev.chatserver.application.port.in.view.AccountView;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.UserId;

import java.util.List;
import java.util.Optional;

/** The server's own accounts as an administrator changes them: standing, name, password; and their list. */
public interface AccountStandings {
    /** The standing of a registered user; empty for an id this storage has no user of. */
    Optional<AccountStanding> standing(UserId user);

    /** The same, locked until the unit of work ends, so that two changes of one account run one after the other. */
    Optional<AccountStanding> lockStanding(UserId user);

    void save(AccountStanding standing);

    /** The user's name and that of its partner record. */
    void rename(UserId user, String name);

    void changePasswordHash(UserId user, String passwordHash);

    /** Gives the user the avatar stored in the file contents under this digest, replacing the one before. */
    void setAvatar(UserId user, String sha256);

    /** The digest of the user's avatar in the file contents; empty until they upload one. */
    Optional<String> avatar(UserId user);

    /**
     * Up to {@code limit} accounts with an id above {@code afterId}, in id order; with a search text, only those
     * whose login or name contains it, ignoring case. One read however many.
     */
    List<AccountView> page(Optional<String> search, long afterId, int limit);
}
