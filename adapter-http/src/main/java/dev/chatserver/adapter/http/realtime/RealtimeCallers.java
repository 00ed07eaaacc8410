package dev.chatserver.adapter.http.realtime;

import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.chats.ChatsApiSettings;
import dev.chatserver.adapter.http.chats.TenantTokens;
import dev.chatserver.application.port.in.account.TokenHash;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.chats.AccountId;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Who opens a WebSocket or polls: a tenant's backend presenting its JWT as bearer (an account only), or a
 * signed-in user with the session token as bearer or cookie (the user {@code john} is also the Chats account
 * {@code john.<account audience>}, as on the Chats routes).
 */
final class RealtimeCallers {
    private final Authenticator authenticator;
    private final TenantTokens tenantTokens;
    private final ChatsApiSettings chats;

    @Inject
    RealtimeCallers(Authenticator authenticator, TenantTokens tenantTokens, ChatsApiSettings chats) {
        this.authenticator = authenticator;
        this.tenantTokens = tenantTokens;
        this.chats = chats;
    }

    /** The caller; {@code Unauthenticated} when the request carries no valid credential. */
    Listener require(Context ctx) {
        java.util.Optional<User> hostUser = authenticator.hostUser(ctx);
        if (hostUser.isPresent()) {
            return Listener.ofUser(hostUser.get().id(),
                    new AccountId(hostUser.get().login().value(), chats.accountAudience()));
        }
        String token = Authenticator.tokenOf(ctx).orElse("");
        if (TenantTokens.looksLikeJwt(token)) {
            return Listener.ofAccount(tenantTokens.account(token));
        }
        User user = authenticator.requireUser(ctx);
        return Listener.ofUser(user.id(), new AccountId(user.login().value(), chats.accountAudience()))
                .signedInWith(TokenHash.of(token));
    }
}
