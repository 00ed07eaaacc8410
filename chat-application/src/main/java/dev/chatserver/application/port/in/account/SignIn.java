package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;

/** Signing in and out with a login and password, and recognising the token a sign-in issued. */
public interface SignIn {
    /**
     * Wrong credentials fail alike whether the login exists or not. After too many failures for the login from the
     * client address, from the client address for any login, or for the login from all addresses together (a much
     * looser limit), {@code Throttled} refuses those attempts (the right password too) without checking them;
     * when too many checks already run or wait, {@code Overloaded}.
     */
    SignedIn signIn(SignInCommand command);

    /** Revokes the token; an unknown token changes nothing. */
    void signOut(String token);

    /**
     * Ends every sign-in of the user but the one of {@code keptToken} (none when null): the tokens are revoked in the
     * store, this node stops trusting them and ends their connections at once, and every other node within its
     * token trust window (its sweep of lapsed sessions). Answers how many ended.
     */
    int signOutEverywhere(UserId user, String keptToken);

    /** The user a live token stands for; {@code Unauthenticated} otherwise. */
    User authenticate(String token);
}
