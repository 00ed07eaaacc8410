package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.User;

/** What a signed-in user changes about their own account. */
public interface ManageOwnAccount {
    /**
     * Replaces the password once the old one matches ({@code InvalidInput} on {@code oldPassword} otherwise), and
     * ends every other sign-in of the account: tokens, sockets and polls, here at once, elsewhere within the token
     * trust window. Spends from the user's write budget first, since each call hashes twice.
     */
    void changePassword(ChangePasswordCommand command);

    /** Renames the user and its partner record; answers the user as it is now. */
    User setProfile(SetProfileCommand command);
}
