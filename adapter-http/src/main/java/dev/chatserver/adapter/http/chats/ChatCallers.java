package dev.chatserver.adapter.http.chats;

import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.Unauthenticated;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * The account calling the Chats API, from {@code Authorization: Bearer}: a tenant's JWT, or the token a
 * user got at sign-in (the user {@code john} is the account {@code john.<account audience>}). Without the
 * header, the {@code session_id} cookie of a signed-in browser (the bundled web client, whose scripts never see
 * the token); {@code OriginGuard} keeps other sites' pages from using it.
 */
public final class ChatCallers {
    private static final String BEARER = "Bearer ";

    private final SignIn signIn;
    private final Authenticator authenticator;
    private final TenantTokens tenantTokens;
    private final ChatsApiSettings settings;

    @Inject
    public ChatCallers(SignIn signIn, Authenticator authenticator, TenantTokens tenantTokens, ChatsApiSettings settings) {
        this.signIn = signIn;
        this.authenticator = authenticator;
        this.tenantTokens = tenantTokens;
        this.settings = settings;
    }

    public AccountId require(Context ctx) {
        java.util.Optional<User> hostUser = authenticator.hostUser(ctx);
        if (hostUser.isPresent()) {
            return new AccountId(hostUser.get().login().value(), settings.accountAudience());
        }
        String header = ctx.header("Authorization");
        if (header == null && Authenticator.authenticatesByCookie(ctx)) {
            return accountOf(signIn.authenticate(Authenticator.tokenOf(ctx).orElseThrow()));
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw new Unauthenticated("send Authorization: Bearer <token>");
        }
        String token = header.substring(BEARER.length()).strip();
        if (TenantTokens.looksLikeJwt(token)) {
            return tenantTokens.account(token);
        }
        return accountOf(signIn.authenticate(token));
    }

    private AccountId accountOf(User user) {
        return new AccountId(user.login().value(), settings.accountAudience());
    }
}
