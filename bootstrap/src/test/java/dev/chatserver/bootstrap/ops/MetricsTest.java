package dev.chatserver.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} scraped over real HTTP after real traffic: the counters move by what the test caused. */
class MetricsTest {
    private static final long PATIENCE_MILLIS = 30_000;

    @Test
    void posts_notifications_websockets_held_polls_and_requests_move_by_what_the_test_caused() throws Exception {
        try (RunningServer server = RunningServer.inMemory()) {
            ApiClient api = server.client();
            String lynx = api.signInAs("lynx");
            String ocelot = api.signInAs("ocelot");
            long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
            String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                    .result().get("uuid").asText();
            String inbox = "user:" + ocelotId;
            Exposition before = scrape(api);
            assertThat(before.value("chat_websockets_open")).isZero();
            assertThat(before.value("chat_polls_held")).isZero();
            assertThat(before.value("chat_writes_queued")).isZero();

            for (int i = 0; i < 3; i++) {
                assertThat(api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                        "message_content", "hello " + i), lynx).result().get("message_id").isIntegralNumber()).isTrue();
            }
            Exposition posted = scrape(api);
            assertThat(posted.value("chat_posts_stored_total") - before.value("chat_posts_stored_total")).isEqualTo(3);
            assertThat(posted.value("chat_events_stored_total")).isEqualTo(before.value("chat_events_stored_total"));

            // nobody listens: what a poll answers at once is all that is delivered
            JsonNode ready = api.rpc("/longpolling/poll", Map.of("channels", List.of(inbox), "last", 0), ocelot).result();
            assertThat(ready.size()).isGreaterThanOrEqualTo(3);
            long last = ready.get(ready.size() - 1).get("id").asLong();
            assertThat(delivered(scrape(api)) - delivered(posted)).isEqualTo(ready.size());

            // a poll with nothing new is held until the next post answers it
            double deliveredBeforeHeld = delivered(scrape(api));
            CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll",
                    Map.of("channels", List.of(inbox), "last", last), ocelot));
            await("the poll is held", () -> scrape(api).value("chat_polls_held") == 1);
            api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "wake"), lynx);
            JsonNode answered = held.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS).result();
            assertThat(answered.size()).isPositive();
            await("the poll is no longer held", () -> scrape(api).value("chat_polls_held") == 0);
            assertThat(delivered(scrape(api)) - deliveredBeforeHeld).isEqualTo(answered.size());

            // a WebSocket: open counts 1, what it receives is delivered, closed counts 0
            Socket socket = Socket.open(api.baseUrl(), ocelot);
            await("the WebSocket is counted", () -> scrape(api).value("chat_websockets_open") == 1);
            double deliveredBeforeSocket = delivered(scrape(api));
            long head = answered.get(answered.size() - 1).get("id").asLong();
            socket.send("{\"event_name\":\"subscribe\",\"data\":{\"channels\":[\"" + inbox + "\"],\"last\":" + head + "}}");
            await("subscribed", () -> socket.frames.get() >= 1);
            api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", "live"), lynx);
            await("the WebSocket got the post and the counter says so", () -> socket.notifications.get() >= 1
                    && delivered(scrape(api)) - deliveredBeforeSocket == socket.notifications.get());
            socket.close();
            await("the closed WebSocket is no longer counted", () -> scrape(api).value("chat_websockets_open") == 0);
            await("what the WebSockets hold is released", () -> scrape(api).value("chat_websockets_outbound_bytes") == 0);

            Exposition after = scrape(api);
            assertThat(after.value("chat_posts_stored_total") - before.value("chat_posts_stored_total")).isEqualTo(5);
            await("every post's request is timed by its route", () -> scrape(api).value("http_server_requests_seconds_count",
                    Map.of("method", "POST", "route", "/im_chat/post", "status", "200")).orElse(0) == 5);
            Exposition timed = scrape(api);
            assertThat(timed.types).containsEntry("http_server_requests_seconds", "histogram")
                    .containsEntry("chat_posts_stored_total", "counter")
                    .containsEntry("chat_websockets_open", "gauge")
                    .containsEntry("chat_websockets_outbound_bytes", "gauge")
                    .containsEntry("chat_websockets_closed_behind_total", "counter")
                    .containsEntry("chat_log_dropped_total", "counter");
            assertThat(timed.value("chat_websockets_closed_behind_total")).isZero();
            assertThat(timed.value("http_server_requests_seconds_bucket", Map.of("route", "/im_chat/post",
                    "status", "200", "le", "+Inf")).orElseThrow()).isEqualTo(5);
            assertThat(timed.value("jvm_memory_used_bytes", Map.of("area", "heap", "id", heapPoolOf(timed)))).isPresent();
            assertThat(timed.value("jvm_threads_live_threads")).isPositive();
            assertThat(timed.value("process_uptime_seconds")).isPositive();
            assertThat(timed.series("process_cpu_usage")).isNotEmpty();
            assertThat(timed.series("jvm_gc_memory_allocated_bytes_total")).isNotEmpty();
        }
    }

    @Test
    void requests_are_counted_by_route_template_never_by_path_and_chat_events_as_stored() {
        try (ChatsServer server = ChatsServer.inMemory()) {
            String tenant = server.signIn("support");
            String lynx = server.signIn("lynx");
            Exposition before = scrape(server.client());
            for (int i = 0; i < 3; i++) {
                String chat = server.createChat(tenant, "course-" + i).get("id").asText();
                assertThat(server.get("/api/v1/chats/" + chat, lynx).status()).isEqualTo(200);
                assertThat(server.post("/api/v1/chats/" + chat + "/events",
                        "{\"type\":\"message\",\"data\":{\"n\":" + i + "}}", lynx).status()).isEqualTo(201);
            }
            assertThat(server.get("/no/such/thing/" + java.util.UUID.randomUUID(), lynx).status()).isEqualTo(404);

            Exposition after = scrape(server.client());
            assertThat(after.value("chat_events_stored_total") - before.value("chat_events_stored_total")).isEqualTo(3);
            await("the requests are timed", () -> scrape(server.client()).value("http_server_requests_seconds_count",
                    Map.of("method", "POST", "route", "/api/v1/chats/{chat_id}/events", "status", "201")).orElse(0) == 3);
            Exposition timed = scrape(server.client());
            assertThat(timed.value("http_server_requests_seconds_count",
                    Map.of("method", "GET", "route", "/api/v1/chats/{chat_id}", "status", "200")).orElseThrow()).isEqualTo(3);
            assertThat(timed.value("http_server_requests_seconds_count",
                    Map.of("method", "GET", "route", "unmatched", "status", "404")).orElseThrow()).isEqualTo(1);
            assertThat(timed.series("http_server_requests_seconds_count").keySet())
                    .as("no label holds an id").allSatisfy(labels -> assertThat(labels.get("route")).doesNotContainPattern(
                            "[0-9a-f]{8}-[0-9a-f]{4}"));
        }
    }

    @Test
    void on_a_database_the_connection_pool_is_measured(@TempDir Path data) {
        try (RunningServer server = RunningServer.start(List.of("--storage", "h2", "--data-dir", data.toString()))) {
            Exposition scraped = scrape(server.client());
            assertThat(scraped.value("hikaricp_connections_max", Map.of("pool", "chat-h2")).orElseThrow()).isPositive();
            assertThat(scraped.series("hikaricp_connections_active")).isNotEmpty();
            assertThat(scraped.series("hikaricp_connections_acquire_seconds_count")).isNotEmpty();
        }
    }

    @Test
    void metrics_off_serves_no_metrics_and_the_server_still_stores() {
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory", "--demo", "--metrics", "off"))) {
            assertThat(server.client().get("/metrics", Map.of()).status()).isEqualTo(404);
            String lynx = server.client().signInAs("lynx");
            assertThat(server.client().rpc("/im_chat/api/get_sessions", Map.of(), lynx).result().isArray()).isTrue();
        }
    }

    @Test
    void a_metrics_setting_that_is_neither_on_nor_off_is_refused_naming_the_flag() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningServer.start(
                        List.of("--storage", "memory", "--metrics", "sometimes")).close())
                .hasMessageContaining("--metrics sometimes: on or off");
    }

    private static double delivered(Exposition exposition) {
        return exposition.value("chat_notifications_delivered_total");
    }

    private static String heapPoolOf(Exposition exposition) {
        return exposition.series("jvm_memory_used_bytes").keySet().stream()
                .filter(labels -> "heap".equals(labels.get("area"))).map(labels -> labels.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no heap pool measured"));
    }

    static Exposition scrape(ApiClient api) {
        ApiClient.Response response = api.get("/metrics", Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        return Exposition.parse(response.raw().body());
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** A plain WebSocket client counting frames and the notifications in them. */
    private static final class Socket implements WebSocket.Listener {
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger notifications = new AtomicInteger();
        private final StringBuilder text = new StringBuilder();
        private WebSocket socket;

        static Socket open(String baseUrl, String token) throws Exception {
            Socket listener = new Socket();
            listener.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/websocket"), listener)
                    .get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            return listener;
        }

        void send(String message) throws Exception {
            socket.sendText(message, true).get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode frame;
                try {
                    frame = ApiClient.mapper().readTree(text.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                text.setLength(0);
                if (frame.isArray()) {
                    notifications.addAndGet(frame.size());
                }
                frames.incrementAndGet();
            }
            webSocket.request(1);
            return null;
        }
    }
}
