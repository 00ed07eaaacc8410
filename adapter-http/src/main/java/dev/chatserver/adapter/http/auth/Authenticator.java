package dev.chatserver.adapter.http.auth;

import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.Unauthenticated;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Who is calling: the user a host application that embeds the chat signed in itself ({@link HostSignIn}), else
 * the user of the token sent as {@code Authorization: Bearer} or as the session_id cookie.
 */
public final class Authenticator {
    public static final String COOKIE = "session_id";
    private static final String BEARER = "Bearer ";

    private final SignIn signIn;
    private final HostSignIn host;
    private final UserDirectory users;

    @Inject
    public Authenticator(SignIn signIn, HostSignIn host, UserDirectory users) {
        this.signIn = signIn;
        this.host = host;
        this.users = users;
    }

    /** The signed-in user; {@link Unauthenticated} when the request carries no live token. */
    public User requireUser(Context ctx) {
        Optional<User> hostUser = hostUser(ctx);
        if (hostUser.isPresent()) {
            return hostUser.get();
        }
        return signIn.authenticate(tokenOf(ctx).orElseThrow(() -> new Unauthenticated("sign in first")));
    }

    /** The user the host application signed in for this request, if it did. */
    public Optional<User> hostUser(Context ctx) {
        Optional<UserId> id = host.userOf(ctx);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(users.user(id.get()).orElseThrow(
                () -> new Unauthenticated("the signed-in user " + id.get().value() + " is not a chat user")));
    }

    public static Optional<String> tokenOf(Context ctx) {
        Optional<String> bearer = bearerOf(ctx);
        return bearer.isPresent() ? bearer : cookieOf(ctx);
    }

    /** Whether the token this request is authenticated with is the cookie, which a browser sends by itself. */
    public static boolean authenticatesByCookie(Context ctx) {
        return bearerOf(ctx).isEmpty() && cookieOf(ctx).isPresent();
    }

    private static Optional<String> bearerOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).strip();
            if (!token.isEmpty()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cookieOf(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).filter(token -> !token.isBlank());
    }
}
