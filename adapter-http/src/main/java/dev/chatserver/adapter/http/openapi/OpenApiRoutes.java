package dev.chatserver.adapter.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.adapter.http.HttpMount;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.ClientSchemes;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the REST routes (the Chats API, health, metrics and
 * itself), kept by hand in {@value #RESOURCE}; a test holds it to the routes registered and their answers. Its
 * {@code servers} entry is the address it was asked at: the scheme the client used ({@link ClientSchemes}: a
 * trusted proxy's {@code X-Forwarded-Proto}), the {@code Host} it asked for, and the prefix the chat is mounted under.
 */
public final class OpenApiRoutes implements Routes {
    public static final String PATH = "/openapi.json";
    public static final String RESOURCE = "/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document = parsed(document());
    private final ClientSchemes schemes;

    public OpenApiRoutes(ClientSchemes schemes) {
        this.schemes = schemes;
    }

    @Override
    public void addTo(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType("application/json").result(servedFrom(serverUrl(ctx))));
    }

    private String serverUrl(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.req().getServerName() + ":" + ctx.port();
        }
        return schemes.of(ctx) + "://" + host + HttpMount.prefixOf(ctx);
    }

    private byte[] servedFrom(String serverUrl) throws JsonProcessingException {
        ObjectNode served = document.deepCopy();
        served.putArray("servers").addObject().put("url", serverUrl);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(served);
    }

    /** The document as shipped in the jar; its {@code servers} is replaced by the address it is served from. */
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

    private static ObjectNode parsed(byte[] document) {
        try {
            return (ObjectNode) JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
