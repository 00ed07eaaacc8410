package dev.chatserver.adapter.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * The browser app bundled with the server, served at {@code /} from the jar's {@code webclient} resources.
 * Its pages may run only the app's own scripts and talk only to this server: no inline script, no other origin.
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
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
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
