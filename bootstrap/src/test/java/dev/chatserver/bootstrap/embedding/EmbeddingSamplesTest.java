package dev.chatserver.bootstrap.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.domain.problem.AlreadyExists;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs every sample of docs/EMBEDDING.md as the guide shows it. */
class EmbeddingSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PATIENCE_SECONDS = 30;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_core_in_memory_calls_use_cases_and_tells_the_listener() {
        List<MessageView> heard = new CopyOnWriteArrayList<>();
        try (ChatCore chat = CoreInProcess.inMemory(heard::add)) {
            List<MessageView> history = CoreInProcess.lynxGreetsOcelot(chat);

            assertThat(history).extracting(MessageView::message).containsExactly("Hello, Ocelot");
            // once, though it is addressed to both members' channels
            assertThat(heard).extracting(MessageView::id).containsExactly(history.get(0).id());
        }
    }

    @Test
    void the_core_in_an_h2_file_keeps_what_it_stored(@TempDir Path data) {
        try (ChatCore chat = CoreInProcess.inH2File(data)) {
            assertThat(CoreInProcess.lynxGreetsOcelot(chat)).hasSize(1);
        }
        assertThat(Files.exists(data.resolve("chat.mv.db"))).isTrue();
        try (ChatCore reopened = CoreInProcess.inH2File(data)) {
            assertThatThrownBy(() -> reopened.provisionAccounts()
                    .addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password")))
                    .isInstanceOf(AlreadyExists.class);
        }
    }

    @Test
    void the_core_on_the_hosts_postgresql_pool_migrates_it_and_leaves_it_open() throws Exception {
        DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
        try (HikariDataSource hostPool = new HikariDataSource()) {
            hostPool.setJdbcUrl(database.url());
            hostPool.setUsername(database.user());
            hostPool.setPassword(database.password());
            hostPool.setMaximumPoolSize(4);
            try (ChatCore chat = CoreInProcess.onHostPool(hostPool)) {
                assertThat(CoreInProcess.lynxGreetsOcelot(chat)).hasSize(1);
            }
            assertThat(hostPool.isClosed()).isFalse();
            try (Connection connection = hostPool.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("select count(*) from users")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        } finally {
            PostgresTestDatabases.drop(database);
        }
    }

    @Test
    void the_host_app_serves_the_chat_under_its_prefix_with_websocket_and_long_polling() throws Exception {
        try (ChatCore chat = ChatCore.builder().inMemoryStorage().build()) {
            ProvisionAccounts accounts = chat.provisionAccounts();
            accounts.addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
            User ocelot = accounts.addUser(AddUserCommand.of("ocelot", "Oneiric Ocelot", null, "ocelot-password"));
            Javalin app = HostApp.create(chat).start(0);
            try {
                String base = "http://localhost:" + app.port();
                assertThat(send(HttpRequest.newBuilder(URI.create(base + "/")).build()).body()).isEqualTo("the host's own home page");
                String lynxToken = signIn(base, "lynx", "lynx-password");
                String ocelotToken = signIn(base, "ocelot", "ocelot-password");

                BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
                WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + ocelotToken)
                        .buildAsync(URI.create("ws://localhost:" + app.port() + "/chat/websocket"), collector(frames))
                        .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                socket.sendText(JSON.writeValueAsString(Map.of("event_name", "subscribe",
                        "data", Map.of("channels", List.of("user:" + ocelot.id().value()), "last", 0))), true);
                awaitFrame(frames, "subscribed");

                JsonNode session = rpc(base + "/chat/im_chat/api/get_or_create_session", lynxToken,
                        Map.of("user_to", ocelot.id().value()));
                String uuid = session.path("result").path("uuid").asText();
                HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/chat/im_chat/post"))
                        .header("Authorization", "Bearer " + lynxToken)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("uuid", uuid,
                                "message_type", "message", "message_content", "Hello, Ocelot")))).build());
                assertThat(posted.statusCode()).isEqualTo(200);

                JsonNode pushed = awaitFrame(frames, "im_chat.message");
                assertThat(pushed.toString()).contains("Hello, Ocelot");
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");

                HttpResponse<String> polled = send(HttpRequest.newBuilder(URI.create(base + "/chat/longpolling/poll"))
                        .header("Authorization", "Bearer " + ocelotToken)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
                                "method", "call", "params", Map.of("channels", List.of("user:" + ocelot.id().value()),
                                        "last", 0), "id", 1)))).build());
                assertThat(polled.statusCode()).isEqualTo(200);
                assertThat(polled.body()).contains("Hello, Ocelot");

                HttpResponse<String> unauthenticated = send(HttpRequest.newBuilder(
                        URI.create(base + "/chat/api/v1/chats/" + uuid)).build());
                assertThat(unauthenticated.statusCode()).isEqualTo(401);
                assertThat(unauthenticated.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(send(HttpRequest.newBuilder(URI.create(base + "/im_chat/post"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(404);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void the_host_signs_its_own_users_in_and_the_chat_knows_them_from_its_directory() throws Exception {
        HostUsers.HostDirectory directory = HostUsers.HostDirectory.of(Map.of(7L, "Grace Hopper", 9L, "Alan Turing"));
        Javalin app = HostUsers.create(directory, Map.of("grace-session", 7L)).start(0);
        try {
            String base = "http://localhost:" + app.port();
            HttpRequest.Builder asGrace = HttpRequest.newBuilder(URI.create(base + "/chat/im_chat/api/get_or_create_session"))
                    .header("Cookie", "HOST_SESSION=grace-session")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"user_to\":9},\"id\":1}"));
            JsonNode session = JSON.readTree(send(asGrace.build()).body());
            assertThat(session.path("result").path("users").toString()).contains("Alan Turing").contains("Grace Hopper");

            HttpResponse<String> stranger = send(HttpRequest.newBuilder(URI.create(base + "/chat/im_chat/api/get_or_create_session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"user_to\":9}}")).build());
            assertThat(stranger.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(stranger.body()).path("error").path("data").path("name").asText()).isEqualTo("unauthenticated");
        } finally {
            app.stop();
        }
    }

    private String signIn(String base, String login, String password) throws Exception {
        JsonNode answer = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/chat/web/session/authenticate"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("params", Map.of("login", login, "password", password))))).build()).body());
        return answer.path("result").path("session_id").asText();
    }

    private JsonNode rpc(String url, String token, Map<String, Object> params) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
                        "method", "call", "params", params, "id", 1)))).build()).body());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitFrame(BlockingQueue<JsonNode> frames, String kind) throws InterruptedException {
        while (true) {
            JsonNode frame = frames.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(frame).as("a " + kind + " frame").isNotNull();
            if (frame.toString().contains("\"" + kind + "\"")) {
                return frame;
            }
        }
    }

    private static WebSocket.Listener collector(BlockingQueue<JsonNode> frames) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode frame = JSON.readTree(text.toString());
                        if (frame.isArray()) {
                            frame.forEach(frames::add);
                        } else {
                            frames.add(frame);
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
    }
}
