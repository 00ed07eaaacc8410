package dev.chatserver.adapter.http.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.auth.ClientAddresses;
import dev.chatserver.adapter.http.auth.OriginCheck;
import dev.chatserver.adapter.http.auth.SessionCookie;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.account.SignIn;
import dev.chatserver.application.port.in.account.SignInCommand;
import dev.chatserver.application.port.in.account.SignedIn;
import dev.chatserver.domain.account.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Odoo's sign-in convention: {@code /web/session/authenticate}, {@code get_session_info}, {@code destroy}. */
public final class SignInRoutes implements Routes {
    private final SignIn signIn;
    private final Authenticator authenticator;
    private final ClientAddresses clientAddresses;
    private final OriginCheck origins;
    private final SessionCookie cookie;
    private final JsonRpc rpc;
    private final Clock clock;

    @Inject
    public SignInRoutes(SignIn signIn, Authenticator authenticator, ClientAddresses clientAddresses,
                        OriginCheck origins, SessionCookie cookie, ObjectMapper mapper, Clock clock) {
        this.signIn = signIn;
        this.authenticator = authenticator;
        this.clientAddresses = clientAddresses;
        this.origins = origins;
        this.cookie = cookie;
        this.rpc = new JsonRpc(mapper);
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/web/session/authenticate", this::authenticate);
        app.post("/web/session/get_session_info", this::sessionInfo);
        app.post("/web/session/destroy", this::destroy);
    }

    private void authenticate(Context ctx) {
        // login CSRF: a foreign page must not sign the browser in as someone else, whatever the body's type; refused
        // before the body is read, so no password is hashed for it
        origins.requireAllowed(ctx);
        RpcParams params = rpc.read(ctx).params();
        SignedIn signedIn = signIn.signIn(SignInCommand.of(params.requiredString("login"),
                params.requiredString("password"), clientAddresses.of(ctx)));
        long maxAge = Duration.between(clock.instant(), signedIn.expiresAt()).toSeconds();
        cookie.set(ctx, signedIn.token(), (int) maxAge);
        Map<String, Object> info = sessionInfo(signedIn.user(), signedIn.token());
        if (ctx.header("Origin") != null) {
            // a browser page signing in: its credential is the HttpOnly cookie set above, never a token in script
            info.remove("session_id");
        }
        rpc.answer(ctx, info);
    }

    /**
     * Who the caller is. A caller that sent its token as a bearer gets it back; a caller authenticated by the
     * HttpOnly cookie does not, so that no script of a page (an injected one included) can read the token; nor does
     * a caller the embedding host signed in, who has no chat token at all.
     */
    private void sessionInfo(Context ctx) {
        rpc.read(ctx);
        Optional<User> hostUser = authenticator.hostUser(ctx);
        User user = hostUser.orElseGet(() -> authenticator.requireUser(ctx));
        Map<String, Object> info = sessionInfo(user, Authenticator.tokenOf(ctx).orElse(null));
        if (hostUser.isPresent() || Authenticator.authenticatesByCookie(ctx)) {
            info.remove("session_id");
        }
        rpc.answer(ctx, info);
    }

    private void destroy(Context ctx) {
        rpc.read(ctx);
        Authenticator.tokenOf(ctx).ifPresent(signIn::signOut);
        cookie.clear(ctx);
        rpc.answer(ctx, Map.of("status", "success"));
    }

    private static Map<String, Object> sessionInfo(User user, String token) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("uid", user.id().value());
        info.put("partner_id", user.partner().id().value());
        info.put("name", user.name());
        info.put("username", user.login().value());
        info.put("session_id", token);
        return info;
    }
}
