package dev.chatserver.adapter.http.auth;

import dev.chatserver.domain.account.UserId;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * How a host application that embeds the chat tells who its request's user is, when it signs its users in
 * itself: the chat user the request is, or empty to fall back to the chat's own session token.
 */
@FunctionalInterface
public interface HostSignIn {
    /** No host sign-in: only the chat's own tokens count. */
    HostSignIn NONE = ctx -> Optional.empty();

    Optional<UserId> userOf(Context ctx);
}
