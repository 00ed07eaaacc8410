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
 * authenticated by the {@code session_id} cookie and carries the {@code Origin} of a page that is not allowed is
 * refused with 403 before any route runs. Requests with no {@code Origin} (not from a browser) and requests with a
 * bearer token (which a foreign page cannot make a browser send) are left alone.
 */
public final class OriginGuard implements Routes {
    private static final int FORBIDDEN = 403;
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final AllowedOrigins allowed;

    @Inject
    public OriginGuard(AllowedOrigins allowed) {
        this.allowed = allowed;
    }

    @Override
    public void addTo(Javalin app) {
        app.before(ctx -> {
            if (!SAFE.contains(ctx.method())) {
                check(ctx);
            }
        });
        app.wsBeforeUpgrade(this::check);
        app.exception(ForeignOrigin.class, (e, ctx) -> refuse(ctx, e));
    }

    private void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !Authenticator.authenticatesByCookie(ctx)) {
            return;
        }
        if (!allowed.allows(origin, ctx.scheme(), ctx.header("Host"))) {
            throw new ForeignOrigin(origin);
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
