package dev.chatserver.adapter.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * The browser app bundled with the server, served from the jar's {@code webclient} resources at {@code /}, or under
 * the prefix the chat is mounted at in a host's app ({@code /chat/}): the app finds the server's routes relative to
 * where it is served from. Its pages may run only the app's own scripts and talk only to this server: no inline
 * script, no other origin.
 */
public final class WebClient {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private WebClient() {
    }

    public static void serve(JavalinConfig config) {
        serveAt(config, "/");
    }

    /** Under a mount prefix such as {@code /chat}: the app's page is {@code /chat/}. */
    public static void serveUnder(JavalinConfig config, String prefix) {
        serveAt(config, prefix);
    }

    private static void serveAt(JavalinConfig config, String hostedPath) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = "/webclient";
            files.location = Location.CLASSPATH;
            files.headers = Map.of(
                    "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
        });
    }
}
