package dev.chatserver.adapter.http.openapi;

import dev.chatserver.adapter.http.Routes;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the REST routes (the Chats API, health, metrics and
 * itself), kept by hand in {@value #RESOURCE}; a test holds it to the routes registered and their answers.
 */
public final class OpenApiRoutes implements Routes {
    public static final String PATH = "/openapi.json";
    public static final String RESOURCE = "/openapi.json";

    private final byte[] document = document();

    @Override
    public void addTo(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType("application/json").result(document));
    }

    /** The document as shipped in the jar. */
    public static byte[] document() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
