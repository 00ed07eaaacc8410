package dev.chatserver.adapter.http.auth;

import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * The browser origin rule: a request that carries an {@code Origin} other than the server's own (the scheme the
 * client used, see {@link ClientSchemes}, and the {@code Host} it asked for) or one of {@link AllowedOrigins} is
 * refused with 403 {@code foreign_origin}. Requests without {@code Origin} (not from a browser page) pass.
 */
public final class OriginCheck {
    private final AllowedOrigins allowed;
    private final ClientSchemes schemes;

    @Inject
    public OriginCheck(AllowedOrigins allowed, ClientSchemes schemes) {
        this.allowed = allowed;
        this.schemes = schemes;
    }

    static boolean fromBrowserPage(Context ctx) {
        return ctx.header("Origin") != null;
    }

    /** Throws what {@link OriginGuard} answers as 403 {@code foreign_origin} when the page's origin is not allowed. */
    public void requireAllowed(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !allowed.allows(origin, schemes.of(ctx), ctx.header("Host"))) {
            throw new ForeignOrigin(origin);
        }
    }
}
