package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.User;

/** Signing in and out with a login and password, and recognising the token a sign-in issued. */
public interface SignIn {
    /** Wrong credentials fail alike whether the login exists or not. */
    SignedIn signIn(SignInCommand command);

    /** Revokes the token; an unknown token changes nothing. */
    void signOut(String token);

    /** The user a live token stands for; {@code Unauthenticated} otherwise. */
    User authenticate(String token);
}
