package dev.chatserver.adapter.http.auth;

import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.problem.ErrorResponses;
import dev.chatserver.adapter.http.problem.ProblemDetails;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cross-site request forgery and WebSocket hijacking: a WebSocket upgrade or a state-changing request that would be
 * authenticated by what a browser sends by itself (the {@code session_id} cookie, or whatever the host application
 * that embeds the chat signs its users in with, {@link HostSignIn}) and carries the {@code Origin} of a page that is
 * not allowed ({@link OriginCheck}) is refused with 403 before its route runs. Requests with no {@code Origin} (not
 * from a browser) and requests with a bearer token and no host sign-in (a foreign page cannot make a browser send
 * one) are left alone. The check runs once every before-handler has, the host's included, so that the host's
 * sign-in is known whichever order the host added its handlers in. Sign-in itself asks {@link OriginCheck} too.
 */
public final class OriginGuard implements Routes {
    private static final int FORBIDDEN = 403;
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final OriginCheck origins;
    private final HostSignIn host;

    @Inject
    public OriginGuard(OriginCheck origins, HostSignIn host) {
        this.origins = origins;
        this.host = host;
    }

    @Override
    public void addTo(Javalin app) {
        app.beforeMatched(ctx -> {
            if (!SAFE.contains(ctx.method())) {
                check(ctx);
            }
        });
        app.wsBeforeUpgrade(this::check);
        app.exception(ForeignOrigin.class, (e, ctx) -> refuse(ctx, e));
    }

    private void check(Context ctx) {
        if (OriginCheck.fromBrowserPage(ctx)
                && (Authenticator.authenticatesByCookie(ctx) || host.userOf(ctx).isPresent())) {
            origins.requireAllowed(ctx);
        }
    }

    private static void refuse(Context ctx, ForeignOrigin refusal) {
        if (ErrorResponses.isRestApi(ctx)) {
            ProblemDetails.answer(ctx, FORBIDDEN, "foreign_origin", "Forbidden", refusal.getMessage(), null);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "foreign_origin");
        data.put("message", refusal.getMessage());
        ctx.status(FORBIDDEN).json(JsonRpc.errorEnvelope(ctx, FORBIDDEN, "Forbidden", data));
    }
}
