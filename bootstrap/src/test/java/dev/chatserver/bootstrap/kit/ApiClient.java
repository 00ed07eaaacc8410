package dev.chatserver.bootstrap.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.bootstrap.DemoData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client over real HTTP for end-to-end tests. */
public final class ApiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        /** The {@code result} of a JSON-RPC answer. */
        public JsonNode result() {
            return json().get("result");
        }

        /** The {@code error} of a JSON-RPC answer. */
        public JsonNode error() {
            return json().get("error");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public String baseUrl() {
        return base;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** POSTs a raw body. */
    public Response postRaw(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POSTs a body of raw bytes, e.g. text that is not valid UTF-8. */
    public Response postBytes(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Any method with a JSON body (none when null) and the token as bearer (none when null): PATCH, DELETE... */
    public Response send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** POSTs a JSON body with the token as bearer: the REST routes under /api/. */
    public Response postJson(String path, String body, String token) {
        return postRaw(path, body, Map.of("Authorization", "Bearer " + token));
    }

    /** A JSON-RPC call in Odoo's envelope, with the token as bearer (none when null). */
    public Response rpc(String path, Object params, String token) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.set("params", MAPPER.valueToTree(params));
        envelope.put("id", 1);
        return postRaw(path, envelope.toString(), token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** Signs in and answers the session token. */
    public String signIn(String login, String password) {
        Response response = rpc("/web/session/authenticate", Map.of("login", login, "password", password), null);
        if (response.status() != 200 || response.result() == null) {
            throw new IllegalStateException("sign-in failed: " + response.raw().body());
        }
        return response.result().get("session_id").asText();
    }

    /** Signs in as one of the demo users (lynx, ocelot, support). */
    public String signInAs(String login) {
        return DemoData.USERS.stream().filter(u -> u.login().equals(login)).findFirst()
                .map(u -> signIn(u.login(), u.password()))
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + login));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
