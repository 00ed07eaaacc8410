package dev.chatserver.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.chats.Storages;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own fuzz suite (docs/FUZZING.md): a fixed seed, a bounded number of malformed requests to
 * every route of both APIs and the WebSocket, on H2 and PostgreSQL. Every answer is below 500, in the API's
 * error shape (naming the field when a parameter was wrong), and what the fuzzing user and tenant can read is
 * the same before and after.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_129L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2_000);
    private static final int WEBSOCKET_FRAMES = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private enum Mutation { BODY, PARAM, DROP, EXTRA, TOKEN, HEADER, PATH, RAW }

    private static final List<Mutation> WEIGHTED = weighted(Map.of(Mutation.BODY, 15, Mutation.PARAM, 35,
            Mutation.DROP, 8, Mutation.EXTRA, 5, Mutation.TOKEN, 14, Mutation.HEADER, 10, Mutation.PATH, 6,
            Mutation.RAW, 7));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE).build();
    private final Map<String, Integer> figures = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(value = Storages.class, names = {"H2", "POSTGRES"})
    void no_malformed_request_gets_a_5xx_a_foreign_shape_or_changes_anything(Storages storage) throws Exception {
        // the fuzz is about input: with the budgets on, most of its requests would be refused 429 before being read
        try (Storages.Running running = storage.start(List.of("--poll-timeout", "1s", "--user-budgets", "off"))) {
            ChatsServer server = running.server();
            String user = server.signIn("lynx");
            String tenant = server.signIn("support");
            long ocelot = server.client().rpc("/web/session/authenticate",
                    Map.of("login", "ocelot", "password", "ocelot-demo-password"), null).result().get("uid").asLong();
            String session = server.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), user)
                    .result().get("uuid").asText();
            server.client().rpc("/im_chat/post", Map.of("uuid", session, "message_type", "message",
                    "message_content", "before the fuzz"), user);
            JsonNode chat = server.createChat(tenant, "fuzz");
            String chatId = chat.get("id").asText();
            String roomId = chat.get("real_time").get("event_room_id").asText();
            server.post("/api/v1/chats/" + chatId + "/events", "{\"type\":\"t\",\"set\":\"s\",\"data\":{\"n\":1}}", user);
            JsonNode before = ReadableState.of(server, user, tenant, session, chatId, roomId);

            long started = System.nanoTime();
            Junk junk = new Junk(SEED);
            List<FuzzRoute> routes = FuzzRoute.all(chatId);
            RawHttp raw = new RawHttp(server.port());
            for (int i = 0; i < REQUESTS; i++) {
                FuzzRoute route = junk.pick(routes);
                Mutation mutation = junk.pick(WEIGHTED);
                send(server, raw, route, mutation, junk, user, tenant);
            }
            fuzzWebSocket(server, junk, user);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            JsonNode after = ReadableState.of(server, user, tenant, session, chatId, roomId);
            report(storage, millis);
            assertThat(failures).as("answers that broke the rules (seed " + SEED + ")").isEmpty();
            assertThat(after).as("what the fuzzing user and tenant read").isEqualTo(before);
        }
    }

    private void send(ChatsServer server, RawHttp raw, FuzzRoute route, Mutation mutation, Junk junk,
                      String user, String tenant) {
        String token = route.caller() == FuzzRoute.Caller.TENANT ? tenant : user;
        boolean mayUseToken = route.caller() != FuzzRoute.Caller.BAD_TOKEN_ONLY;
        String authorization = mayUseToken && route.caller() != FuzzRoute.Caller.NONE ? "Bearer " + token : null;
        Map<String, String> params = new LinkedHashMap<>(route.params());
        String path = route.path();
        String contentType = "application/json";
        byte[] body = null;
        boolean parameterWasWrong = false;
        switch (mutation) {
            case BODY -> body = junk.pick(Junk.BODIES);
            case PARAM -> {
                if (params.isEmpty()) {
                    params.put("zz", junk.pick(Junk.VALUES));
                } else {
                    String name = junk.pick(List.copyOf(params.keySet()));
                    params.put(name, route.isGet() ? junk.segment() : junk.pick(Junk.VALUES));
                    parameterWasWrong = true;
                }
            }
            case DROP -> {
                if (!params.isEmpty()) {
                    params.remove(junk.pick(List.copyOf(params.keySet())));
                }
            }
            case EXTRA -> params.put(junk.chance(50) ? "zz" : "\\u0000", junk.pick(Junk.VALUES));
            case TOKEN -> authorization = junk.pick(Junk.BAD_AUTHORIZATIONS);
            case HEADER -> contentType = junk.pick(Junk.CONTENT_TYPES);
            case PATH -> path = junkPath(route, junk);
            case RAW -> {
                rawRequest(raw, route, junk, authorization);
                return;
            }
        }
        if (!mayUseToken && !(mutation == Mutation.TOKEN)) {
            authorization = junk.pick(Junk.BAD_AUTHORIZATIONS);
        }
        if (route.isGet()) {
            path = path + query(params);
        } else if (body == null) {
            body = Junk.utf8(route.api() == FuzzRoute.Api.JSON_RPC
                    ? "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"id\":7,\"params\":" + object(params) + "}"
                    : object(params));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.client().baseUrl() + path))
                .timeout(PATIENCE)
                .header("Content-Type", contentType)
                .method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null && !authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        String label = mutation + " " + route.method() + " " + abbreviated(path);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            check(label, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parameterWasWrong);
        } catch (IOException e) {
            failures.add(label + ": no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String junkPath(FuzzRoute route, Junk junk) {
        if (route.api() == FuzzRoute.Api.CHATS) {
            String[] segments = route.path().split("/");
            segments[1 + junk.below(segments.length - 1)] = junk.segment();
            return String.join("/", segments);
        }
        return route.path() + "/" + junk.segment();
    }

    /** Requests no ordinary client sends: chunked junk, a NUL or huge header, bad percent-encoding, a bad method. */
    private void rawRequest(RawHttp raw, FuzzRoute route, Junk junk, String authorization) {
        String auth = authorization == null ? "" : "\r\nAuthorization: " + authorization;
        String label = "RAW " + route.method() + " " + route.path();
        RawHttp.Response response;
        try {
            response = switch (junk.below(6)) {
                case 0 -> raw.postChunked(route.path(), authorization == null ? Map.of("Content-Type", "application/json")
                        : Map.of("Content-Type", "application/json", "Authorization", authorization),
                        junk.pick(Junk.BODIES), 1 + junk.below(4096));
                case 1 -> raw.send(route.method() + " " + route.path() + " HTTP/1.1\r\nHost: x\r\nX-Junk: a\0b" + auth,
                        new byte[0]);
                case 2 -> raw.send(route.method() + " " + route.path() + " HTTP/1.1\r\nHost: x\r\nX-Junk: "
                        + "h".repeat(9_000 + junk.below(20_000)) + auth, new byte[0]);
                case 3 -> raw.send(route.method() + " " + route.path() + "/%zz%0" + " HTTP/1.1\r\nHost: x" + auth, new byte[0]);
                case 4 -> raw.send("BREW " + route.path() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2" + auth,
                        Junk.utf8("{}"));
                default -> raw.send(route.method() + " " + route.path() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5"
                        + "\r\nContent-Type: application/json; charset=\u00ff" + auth, Junk.utf8("{\"a\"}"));
            };
        } catch (RuntimeException e) {
            failures.add(label + ": no answer (" + e + ")");
            return;
        }
        check(label, route.path(), response.status(), response.header("Content-Type") == null ? ""
                : response.header("Content-Type"), response.body(), false);
    }

    private void check(String label, String path, int status, String contentType, String body, boolean parameterWasWrong) {
        figures.merge(Integer.toString(status), 1, Integer::sum);
        figures.merge("requests", 1, Integer::sum);
        if (status >= 500) {
            failures.add(label + ": " + status + " " + abbreviated(body));
            return;
        }
        if (body.contains("Exception") || body.contains("dev.chatserver") || body.toLowerCase().contains("<html")) {
            failures.add(label + ": the server's insides in " + abbreviated(body));
            return;
        }
        JsonNode json;
        try {
            json = ApiClient.mapper().readTree(body);
        } catch (IOException e) {
            failures.add(label + ": " + status + " answered not JSON: " + abbreviated(body));
            return;
        }
        if (path.startsWith("/api/") && status >= 400) {
            if (!contentType.startsWith("application/problem+json") || !json.path("type").isTextual()
                    || !json.path("title").isTextual() || json.path("status").asInt() != status
                    || !json.path("detail").isTextual()) {
                failures.add(label + ": " + status + " is not problem details: " + contentType + " " + abbreviated(body));
            } else if (parameterWasWrong && status == 400 && !json.path("detail").asText().startsWith("the body")
                    && !json.path("field").isTextual()) {
                failures.add(label + ": 400 names no field: " + abbreviated(body));
            }
        } else if (!path.startsWith("/api/")) {
            if (!contentType.startsWith("application/json") || !"2.0".equals(json.path("jsonrpc").asText())) {
                failures.add(label + ": " + status + " is not a JSON-RPC answer: " + contentType + " " + abbreviated(body));
            } else if (status >= 400 && (!json.path("error").path("message").isTextual() || !json.path("error").has("code"))) {
                failures.add(label + ": " + status + " is not a JSON-RPC error: " + abbreviated(body));
            } else if (status == 200 && !json.has("result") && !json.has("error")) {
                failures.add(label + ": 200 has neither result nor error: " + abbreviated(body));
            } else if (parameterWasWrong && "error".equals(json.path("result").path("status").asText())
                    && !json.path("result").path("field").isTextual()) {
                failures.add(label + ": the refusal names no field: " + abbreviated(body));
            }
        }
    }

    /** Junk frames on an open WebSocket, then a subscription the server must still refuse; bad tokens on the upgrade. */
    private void fuzzWebSocket(ChatsServer server, Junk junk, String user) throws Exception {
        URI uri = URI.create(server.client().baseUrl().replaceFirst("^http", "ws") + "/websocket");
        for (String authorization : Junk.BAD_AUTHORIZATIONS) {
            if (authorization.isEmpty() || !authorization.chars().allMatch(c -> c < 0x7f)) {
                continue;
            }
            try {
                http.newWebSocketBuilder().header("Authorization", authorization).buildAsync(uri, new WebSocket.Listener() { })
                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS).abort();
                failures.add("WS upgrade with \"" + abbreviated(authorization) + "\" was accepted");
            } catch (ExecutionException refused) {
                int status = refused.getCause() instanceof WebSocketHandshakeException handshake
                        ? handshake.getResponse().statusCode() : -1;
                figures.merge("ws-upgrade-" + status, 1, Integer::sum);
                if (status < 400 || status >= 500) {
                    failures.add("WS upgrade with a bad token answered " + status);
                }
            }
        }
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + user)
                .buildAsync(uri, collecting(frames, closed)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < WEBSOCKET_FRAMES; i++) {
            figures.merge("ws-frames", 1, Integer::sum);
            byte[] bytes = junk.pick(Junk.BODIES);
            String text = new String(bytes, StandardCharsets.UTF_8);
            switch (junk.below(4)) {
                case 0 -> socket.sendText(text.substring(0, Math.min(60_000, text.length())), true).get();
                case 1 -> socket.sendText("{\"event_name\":" + junk.pick(Junk.VALUES.subList(0, 40)) + ",\"data\":"
                        + junk.pick(Junk.VALUES.subList(0, 40)) + "}", true).get();
                case 2 -> socket.sendText("{\"event_name\":\"" + junk.pick(List.of("subscribe", "update_presence"))
                        + "\",\"data\":{\"channels\":" + junk.pick(Junk.VALUES.subList(0, 40)) + ",\"last\":"
                        + junk.pick(Junk.VALUES.subList(0, 40)) + ",\"inactivity_period\":"
                        + junk.pick(Junk.VALUES.subList(0, 40)) + "}}", true).get();
                default -> socket.sendBinary(ByteBuffer.wrap(bytes, 0, Math.min(1_000, bytes.length)), true).get();
            }
            if (closed.isDone()) {
                failures.add("a junk frame closed the WebSocket with " + closed.get());
                return;
            }
        }
        socket.sendText("{\"event_name\":\"subscribe\",\"data\":{\"channels\":[\"user:" + FuzzRoute.NO_ID + "\"]}}", true).get();
        String refusal = awaitFrame(frames, "subscribe_refused");
        if (refusal == null) {
            failures.add("after the junk frames the WebSocket no longer answers a subscription");
        }
        for (String frame : frames) {
            if (frame.contains("Exception") || frame.contains("Internal error")) {
                failures.add("WS frame shows a failure: " + abbreviated(frame));
            }
        }
        socket.abort();
    }

    private static String awaitFrame(LinkedBlockingQueue<String> frames, String eventName) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> seen = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    return null;
                }
                seen.add(frame);
                if (frame.contains("\"" + eventName + "\"")) {
                    return frame;
                }
            }
            return null;
        } finally {
            frames.addAll(seen);
        }
    }

    private static WebSocket.Listener collecting(LinkedBlockingQueue<String> frames, CompletableFuture<Integer> closed) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        };
    }

    private void report(Storages storage, long millis) {
        String line = "fuzz " + storage + " seed=" + SEED + " time=" + millis + "ms " + figures;
        System.out.println(line);
        try {
            Path target = Path.of("target", "fuzz");
            Files.createDirectories(target);
            Files.writeString(target.resolve(storage.name().toLowerCase() + ".txt"), line + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String object(Map<String, String> members) {
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(value);
        });
        return json.append('}').toString();
    }

    /** GET parameters: the template's values as they are, a junk one already percent-encoded where it must be. */
    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        params.forEach((name, value) -> {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(uriSafe(value));
        });
        return query.toString();
    }

    /** Percent-encodes what a URI may not carry, keeping {@code %} so that junk sent pre-encoded stays as it is. */
    private static String uriSafe(String value) {
        StringBuilder safe = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~%,:".indexOf(c) >= 0) {
                safe.append(c);
            } else {
                safe.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return safe.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static List<Mutation> weighted(Map<Mutation, Integer> weights) {
        List<Mutation> list = new ArrayList<>();
        for (Mutation mutation : Mutation.values()) {
            for (int i = 0; i < weights.get(mutation); i++) {
                list.add(mutation);
            }
        }
        return list;
    }
}
