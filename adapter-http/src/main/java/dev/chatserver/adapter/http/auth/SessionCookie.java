package dev.chatserver.adapter.http.auth;

import dev.chatserver.adapter.http.HttpMount;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.Locale;

/**
 * The {@code session_id} cookie as sign-in sets it and sign-out clears it: HttpOnly, SameSite=Lax, path {@code /}
 * (or the prefix the chat is mounted under in a host's app, so that the host's other pages never get it), and
 * {@code Secure} as {@code --cookie-secure} says, the same on both so that the browser replaces the one it holds.
 */
public final class SessionCookie {
    /** When the cookie is marked {@code Secure}. */
    public enum Secure {
        /** Always: the server is only reached over https. */
        ON,
        /** Never. */
        OFF,
        /** When the client reached the server over https, directly or through a trusted proxy ({@link ClientSchemes}). */
        AUTO;

        public static Secure parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(value + " is not on, off or auto");
            }
        }
    }

    private final Secure secure;
    private final ClientSchemes schemes;

    public SessionCookie(Secure secure, ClientSchemes schemes) {
        this.secure = secure;
        this.schemes = schemes;
    }

    public void set(Context ctx, String token, int maxAgeSeconds) {
        ctx.cookie(cookie(ctx, token, maxAgeSeconds));
    }

    public void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private Cookie cookie(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(Authenticator.COOKIE, value, path(ctx), maxAgeSeconds, secure(ctx), 0, true, null, null, SameSite.LAX);
    }

    private static String path(Context ctx) {
        String prefix = HttpMount.prefixOf(ctx);
        return prefix.isEmpty() ? "/" : prefix;
    }

    private boolean secure(Context ctx) {
        return switch (secure) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> schemes.https(ctx);
        };
    }
}
