package dev.chatserver.bootstrap.realtime;

import dev.chatserver.application.contract.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two server nodes on one PostgreSQL database: whatever happens on one reaches clients of the other. */
class MultiNodeTest {
    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private final List<RunningServer> nodes = new ArrayList<>();

    private RunningServer startNode() {
        RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-pool-size", "4", "--demo",
                "--chats-tenants", "example.org=support.usr.localhost"));
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(RunningServer::close);
        PostgresTestDatabases.drop(database);
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static void publish(RunningServer node, long user, int n) {
        node.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(user)), SampleEvents.numbered(n));
    }

    private static List<Integer> values(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.get("message").get("message").get("id").asInt()).toList();
    }

    private static long lastId(List<JsonNode> notifications) {
        return notifications.get(notifications.size() - 1).get("id").asLong();
    }

    /** Reads notifications until one mentions {@code text}; answers it. */
    private static JsonNode awaitMentioning(WsClient ws, String text) {
        while (true) {
            for (JsonNode notification : ws.awaitNotifications(1)) {
                if (notification.toString().contains(text)) {
                    return notification;
                }
            }
        }
    }

    @Test
    void a_message_posted_through_node_a_reaches_a_websocket_and_a_long_poll_on_node_b() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String lynx = a.client().signInAs("lynx");
        String ocelot = b.client().signInAs("ocelot");
        long ocelotId = uid(b.client(), ocelot);

        try (WsClient ws = WsClient.connect(b.client().baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            String uuid = a.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                    .result().get("uuid").asText();
            ApiClient.Response posted = a.client().rpc("/im_chat/post", Map.of("uuid", uuid,
                    "message_type", "message", "message_content", "hello from node A"), lynx);
            assertThat(posted.result().get("message_id").asLong()).isPositive();

            JsonNode delivered = awaitMentioning(ws, "hello from node A");
            assertThat(delivered.get("channel").asText()).isEqualTo("user:" + ocelotId);
        }

        ApiClient.Response polled = b.client().rpc("/longpolling/poll",
                Map.of("channels", List.of("user:" + ocelotId), "last", 0), ocelot);
        assertThat(polled.result().toString()).contains("hello from node A");
    }

    @Test
    void typing_on_node_a_reaches_a_websocket_on_node_b_live_and_is_never_kept() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String lynx = a.client().signInAs("lynx");
        String ocelot = b.client().signInAs("ocelot");
        long ocelotId = uid(b.client(), ocelot);
        String uuid = a.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();

        try (WsClient ws = WsClient.connect(b.client().baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), 0);
            // delivered through node B's listening connection, so it also hears signals from here on
            a.client().rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                    "message_content", "hello from node A"), lynx);
            awaitMentioning(ws, "hello from node A");

            a.client().rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "typing",
                    "message_content", "lynx types on node A"), lynx);

            JsonNode typing = awaitMentioning(ws, "lynx types on node A");
            assertThat(typing.get("message").get("message").get("type").asText()).isEqualTo("typing");
        }

        ApiClient.Response polled = b.client().rpc("/longpolling/poll",
                Map.of("channels", List.of("user:" + ocelotId), "last", 0), ocelot);
        assertThat(polled.result().toString()).contains("hello from node A").doesNotContain("lynx types on node A");
    }

    @Test
    void a_client_that_moves_from_node_a_to_node_b_misses_nothing_and_gets_nothing_twice() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String lynx = a.client().signInAs("lynx");
        long lynxId = uid(a.client(), lynx);
        long ocelotId = uid(a.client(), a.client().signInAs("ocelot"));
        long last;
        try (WsClient onA = WsClient.connect(a.client().baseUrl(), lynx)) {
            onA.subscribe(List.of("user:" + lynxId), 0);
            publish(a, lynxId, 0);
            last = lastId(onA.awaitNotifications(1));
        }

        IntStream.rangeClosed(1, 10).forEach(n -> {
            publish(n % 2 == 0 ? a : b, lynxId, n);
            publish(a, ocelotId, 100 + n);
        });

        try (WsClient onB = WsClient.connect(b.client().baseUrl(), lynx)) {
            onB.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", last));
            List<JsonNode> missed = onB.awaitNotifications(10);
            publish(a, lynxId, 11);

            assertThat(values(missed)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(values(onB.awaitNotifications(1))).containsExactly(11);
        }
    }

    @Test
    void a_node_that_stops_and_starts_again_resumes_from_the_table() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String lynx = b.client().signInAs("lynx");
        long lynxId = uid(b.client(), lynx);
        long last;
        try (WsClient onB = WsClient.connect(b.client().baseUrl(), lynx)) {
            onB.subscribe(List.of("user:" + lynxId), 0);
            publish(a, lynxId, 0);
            last = lastId(onB.awaitNotifications(1));
        }
        b.close();
        nodes.remove(b);

        IntStream.rangeClosed(1, 5).forEach(n -> publish(a, lynxId, n));
        RunningServer bAgain = startNode();

        try (WsClient onB = WsClient.connect(bAgain.client().baseUrl(), lynx)) {
            onB.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", last));
            assertThat(values(onB.awaitNotifications(5))).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void a_chat_event_posted_through_node_a_reaches_a_room_subscriber_on_node_b() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String tenant = a.client().signInAs("support");
        String lynx = b.client().signInAs("lynx");
        JsonNode chat = a.client().postJson("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"course-42\"}", tenant).json();
        String room = "room:" + chat.get("real_time").get("event_room_id").asText();

        try (WsClient onB = WsClient.connect(b.client().baseUrl(), lynx)) {
            onB.subscribe(List.of(room), 0);
            ApiClient.Response posted = a.client().postJson("/api/v1/chats/" + chat.get("id").asText() + "/events",
                    "{\"type\":\"message\",\"data\":{\"text\":\"from node A\"}}", tenant);
            assertThat(posted.status()).isEqualTo(201);

            JsonNode delivered = awaitMentioning(onB, "from node A");
            assertThat(delivered.get("channel").asText()).isEqualTo(room);
            assertThat(delivered.get("message").get("event").get("data").get("text").asText()).isEqualTo("from node A");
        }
    }

    @Test
    void unique_keys_settle_races_between_nodes_without_a_server_error() throws Exception {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String tenant = a.client().signInAs("support");
        String lynx = a.client().signInAs("lynx");
        long ocelotId = uid(a.client(), a.client().signInAs("ocelot"));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<ApiClient.Response>> creates = new ArrayList<>();
            List<Future<ApiClient.Response>> sessions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RunningServer node = i % 2 == 0 ? a : b;
                creates.add(callers.submit(() -> node.client().postJson("/api/v1/chats",
                        "{\"audience\":\"example.org\",\"scope\":\"raced\"}", tenant)));
                sessions.add(callers.submit(() -> node.client().rpc("/im_chat/api/get_or_create_session",
                        Map.of("user_to", ocelotId), lynx)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> create : creates) {
                statuses.add(create.get(60, TimeUnit.SECONDS).status());
            }
            Set<String> uuids = new HashSet<>();
            for (Future<ApiClient.Response> session : sessions) {
                uuids.add(session.get(60, TimeUnit.SECONDS).result().get("uuid").asText());
            }

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(uuids).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_user_connected_to_any_node_is_online_on_all() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String ocelot = a.client().signInAs("ocelot");
        long ocelotId = uid(a.client(), ocelot);
        String lynx = b.client().signInAs("lynx");
        // presence is shown to those who may follow it: lynx shares a session with ocelot
        b.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx);
        assertThat(imStatusSeenOn(b, lynx, ocelotId)).isEqualTo("offline");

        try (WsClient onA = WsClient.connect(a.client().baseUrl(), ocelot)) {
            onA.subscribe(List.of("user:" + ocelotId), 0);

            assertThat(imStatusSeenOn(b, lynx, ocelotId)).isEqualTo("online");
            assertThat(imStatusSeenOn(a, lynx, ocelotId)).isEqualTo("online");
        }
        awaitStatus(b, lynx, ocelotId, "offline");
    }

    private static void pause() {
        try {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@code user_chat_ab/get_all_users} on this node says of the user's im_status. */
    private static String imStatusSeenOn(RunningServer node, String token, long userId) {
        for (JsonNode user : node.client().rpc("/im_chat/api/user_chat_ab/get_all_users", Map.of(), token).result()) {
            if (user.get("id").asLong() == userId) {
                return user.get("im_status").asText();
            }
        }
        throw new AssertionError("user " + userId + " is not listed");
    }

    /** The WebSocket closes asynchronously on the server: wait for its disconnect to be reported. */
    private static void awaitStatus(RunningServer node, String token, long userId, String expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!imStatusSeenOn(node, token, userId).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("user " + userId + " never became " + expected);
            }
            pause();
        }
    }
}
