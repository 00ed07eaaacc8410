package dev.chatserver.bootstrap.realtime;

import dev.chatserver.application.contract.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transports over real sockets: WebSocket and long-polling against the real server, notifications
 * published on the server's own bus.
 */
class RealtimeTransportTest {
    private RunningServer server;
    private ApiClient api;

    private void start(AbstractModule overrides) {
        server = RunningServer.inMemory(overrides);
        api = server.client();
    }

    private void start() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
            }
        });
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private void publish(long user, int n) {
        server.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(user)), SampleEvents.numbered(n));
    }

    private static List<Integer> values(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.get("message").get("message").get("id").asInt()).toList();
    }

    private static long lastId(List<JsonNode> notifications) {
        return notifications.get(notifications.size() - 1).get("id").asLong();
    }

    @Test
    void a_websocket_without_a_valid_token_is_refused_at_the_upgrade() {
        start();

        Throwable anonymous = WsClient.refusal(api.baseUrl(), null);
        Throwable forged = WsClient.refusal(api.baseUrl(), "not-a-token");

        assertThat(anonymous).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) anonymous).getResponse().statusCode()).isEqualTo(401);
        assertThat(((WebSocketHandshakeException) forged).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void a_websocket_receives_what_is_published_on_its_channels_with_increasing_ids() {
        start();
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        long ocelotId = uid(api.signInAs("ocelot"));

        try (WsClient ws = WsClient.connect(api.baseUrl(), lynx)) {
            ws.subscribe(List.of("user:" + lynxId), 0);
            publish(lynxId, 1);
            publish(ocelotId, 2);
            publish(lynxId, 3);

            List<JsonNode> received = ws.awaitNotifications(2);

            assertThat(values(received)).containsExactly(1, 3);
            assertThat(received.get(0).get("channel").asText()).isEqualTo("user:" + lynxId);
            assertThat(received.get(1).get("id").asLong()).isGreaterThan(received.get(0).get("id").asLong());
        }
    }

    @Test
    void a_forbidden_subscription_is_refused_with_a_clear_message_and_the_connection_stays_usable() {
        start();
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        long ocelotId = uid(api.signInAs("ocelot"));

        try (WsClient ws = WsClient.connect(api.baseUrl(), lynx)) {
            ws.send("subscribe", Map.of("channels", List.of("user:" + ocelotId), "last", 0));
            JsonNode refusal = ws.awaitEvent("subscribe_refused");
            ws.send("subscribe", Map.of("channels", List.of("bus:all"), "last", 0));
            JsonNode malformed = ws.awaitEvent("subscribe_refused");

            ws.subscribe(List.of("user:" + lynxId), 0);
            publish(ocelotId, 1);
            publish(lynxId, 2);

            assertThat(refusal.get("status").asText()).isEqualTo("error");
            assertThat(refusal.get("message").asText()).isEqualTo("you may not subscribe to user:" + ocelotId);
            assertThat(refusal.get("field").asText()).isEqualTo("channels");
            assertThat(malformed.get("field").asText()).isEqualTo("channels");
            assertThat(values(ws.awaitNotifications(1))).containsExactly(2);
        }
    }

    @Test
    void reconnecting_with_the_last_id_after_missing_ten_notifications_yields_exactly_those_ten() {
        start();
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        long ocelotId = uid(api.signInAs("ocelot"));
        long last;
        try (WsClient first = WsClient.connect(api.baseUrl(), lynx)) {
            first.subscribe(List.of("user:" + lynxId), 0);
            publish(lynxId, 0);
            last = lastId(first.awaitNotifications(1));
        }

        IntStream.rangeClosed(1, 10).forEach(n -> {
            publish(lynxId, n);
            publish(ocelotId, 100 + n);
        });

        try (WsClient again = WsClient.connect(api.baseUrl(), lynx)) {
            again.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", last));
            List<JsonNode> missed = again.awaitNotifications(10);
            publish(lynxId, 11);

            assertThat(values(missed)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(values(again.awaitNotifications(1))).containsExactly(11);
        }
        ApiClient.Response polled = api.rpc("/longpolling/poll",
                Map.of("channels", List.of("user:" + lynxId), "last", last), lynx);
        assertThat(values(list(polled.result()))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void resuming_from_an_id_older_than_the_retention_is_told_so_on_both_transports() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
                bind(NotificationRetention.class).toInstance(new NotificationRetention(Duration.ofMinutes(10), 3));
            }
        });
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        long last;
        try (WsClient first = WsClient.connect(api.baseUrl(), lynx)) {
            first.subscribe(List.of("user:" + lynxId), 0);
            publish(lynxId, 0);
            last = lastId(first.awaitNotifications(1));
        }
        IntStream.rangeClosed(1, 5).forEach(n -> publish(lynxId, n));

        try (WsClient again = WsClient.connect(api.baseUrl(), lynx)) {
            again.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", last));
            JsonNode expired = again.awaitEvent("history_expired");
            assertThat(expired.get("last").asLong()).isEqualTo(last);
            assertThat(expired.get("message").asText()).contains("reload");
        }
        JsonNode polled = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", last), lynx)
                .json().get("error").get("data");
        assertThat(polled.get("field").asText()).isEqualTo("last");
        assertThat(polled.get("message").asText()).contains("reload");
    }

    @Test
    void a_long_poll_answers_at_once_when_something_newer_exists() {
        start();
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        publish(lynxId, 1);

        ApiClient.Response response = api.postRaw("/longpolling/poll",
                "{\"channels\":[\"user:" + lynxId + "\"],\"last\":0}", Map.of("Cookie", "session_id=" + lynx));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(values(list(response.result()))).containsExactly(1);
    }

    @Test
    void a_held_long_poll_is_answered_by_the_next_notification() {
        start();
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        publish(lynxId, 0);
        long last = lastId(list(api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", 0), lynx)
                .result()));

        CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll",
                Map.of("channels", List.of("user:" + lynxId), "last", last), lynx));
        publish(lynxId, 1);

        assertThat(values(list(held.join().result()))).containsExactly(1);
    }

    @Test
    void a_long_poll_with_nothing_new_answers_an_empty_list_after_the_poll_timeout() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
                bind(RealtimeSettings.class).toInstance(new RealtimeSettings(Duration.ofMillis(300), 500, 256,
                        Duration.ofSeconds(25), Duration.ofSeconds(75)));
            }
        });
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        publish(lynxId, 0);
        long last = lastId(list(api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", 0), lynx)
                .result()));

        ApiClient.Response response = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", last), lynx);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result().isArray()).isTrue();
        assertThat(response.result()).isEmpty();
    }

    @Test
    void a_long_poll_has_the_same_rights_as_the_websocket() {
        start();
        String lynx = api.signInAs("lynx");
        long ocelotId = uid(api.signInAs("ocelot"));

        ApiClient.Response forbidden = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + ocelotId), "last", 0), lynx);
        JsonNode notAList = api.rpc("/longpolling/poll", Map.of("channels", "user:1", "last", 0), lynx)
                .json().get("error").get("data");
        ApiClient.Response anonymous = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:1"), "last", 0), null);
        JsonNode empty = api.postRaw("/longpolling/poll", "", Map.of("Authorization", "Bearer " + lynx))
                .json().get("error").get("data");
        ApiClient.Response notJson = api.postRaw("/longpolling/poll", "{", Map.of("Authorization", "Bearer " + lynx));

        assertThat(forbidden.status()).isEqualTo(200);
        assertThat(forbidden.result()).isNull();
        JsonNode error = forbidden.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(200);
        assertThat(error.get("data").get("field").asText()).isEqualTo("channels");
        assertThat(error.get("data").get("message").asText()).isEqualTo("you may not subscribe to user:" + ocelotId);
        assertThat(notAList.get("field").asText()).isEqualTo("channels");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(empty.get("field").asText()).isEqualTo("channels");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void a_client_that_falls_behind_is_closed_with_a_reason_and_resumes_from_its_last_id() {
        start(new AbstractModule() {
            @Override
            protected void configure() {
                bind(RealtimeSettings.class).toInstance(new RealtimeSettings(Duration.ofSeconds(50), 1, 4,
                        Duration.ofSeconds(25), Duration.ofSeconds(75)));
            }
        });
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        String bulk = "x".repeat(256 * 1024);
        int published = 120;

        long last = 0;
        int seen = 0;
        try (WsClient slow = WsClient.connectWithoutReading(api.baseUrl(), lynx)) {
            slow.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", 0));
            slow.readOne();
            slow.awaitEvent("subscribed");
            for (int n = 1; n <= published; n++) {
                server.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(lynxId)), SampleEvents.bulky(n, bulk));
            }
            slow.startReading();
            WsClient.Closed closed = slow.awaitClose();
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).isEqualTo("fell behind, resume from your last id");
            while (!slow.nothingPending()) {
                JsonNode frame = slow.next();
                if (frame.isArray()) {
                    for (JsonNode notification : frame) {
                        assertThat(notification.get("message").get("message").get("id").asInt()).isEqualTo(++seen);
                        last = notification.get("id").asLong();
                    }
                }
            }
        }
        assertThat(seen).as("the server closed it before everything was written").isLessThan(published);

        try (WsClient resumed = WsClient.connect(api.baseUrl(), lynx)) {
            resumed.send("subscribe", Map.of("channels", List.of("user:" + lynxId), "last", last));
            List<JsonNode> rest = resumed.awaitNotifications(published - seen);
            assertThat(rest.get(0).get("message").get("message").get("id").asInt()).isEqualTo(seen + 1);
            assertThat(rest.get(rest.size() - 1).get("message").get("message").get("id").asInt()).isEqualTo(published);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("an array of notifications: %s", array).isTrue();
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
