package dev.chatserver.adapter.http.auth;

import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * The scheme a client used to reach the server: the request's own, unless it came from a trusted proxy that says
 * {@code X-Forwarded-Proto: http} or {@code https} (the value its nearest hop wrote, the last one); a proxy that
 * terminates TLS forwards {@code http} requests for {@code https} clients. Anyone else's header is ignored.
 */
public final class ClientSchemes {
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final ClientAddresses addresses;

    @Inject
    public ClientSchemes(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    /** {@code http} or {@code https}. */
    public String of(Context ctx) {
        String own = ctx.scheme();
        String forwarded = ctx.header(FORWARDED_PROTO);
        if (forwarded == null || !addresses.viaTrustedProxy(ctx)) {
            return own;
        }
        String nearest = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
        return "https".equals(nearest) || "http".equals(nearest) ? nearest : own;
    }

    public boolean https(Context ctx) {
        return "https".equals(of(ctx));
    }
}
