package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one client may hold is bounded; past a bound the client gets a clear error, and others are not affected. */
class ConnectionLimitsTest {
    private final RunningServer server = RunningServer.start(List.of("--storage", "memory", "--demo",
            "--ws-per-user", "2", "--channels-per-subscription", "3", "--held-polls-per-user", "1"));
    private final ApiClient api = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static List<String> rooms(int count) {
        return IntStream.range(0, count).mapToObj(n -> "room:" + new java.util.UUID(0, n + 1)).toList();
    }

    @Test
    void a_websocket_past_the_bound_per_user_is_closed_naming_the_bound() {
        String lynx = api.signInAs("lynx");
        String lynxElsewhere = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long lynxId = uid(lynx);
        try (WsClient first = WsClient.connect(api.baseUrl(), lynx);
             WsClient second = WsClient.connect(api.baseUrl(), lynxElsewhere)) {
            Eventually.await("the server counts both WebSockets",
                    () -> server.get(OpenConnections.class).openFeedsOf("user:" + lynxId) == 2);
            WsClient third = WsClient.connect(api.baseUrl(), lynx);
            WsClient someoneElse = WsClient.connect(api.baseUrl(), ocelot);

            WsClient.Closed refused = third.awaitClose();

            assertThat(refused.code()).isEqualTo(1008);
            assertThat(refused.reason()).contains("at most 2 WebSockets per user");
            first.subscribe(List.of("user:" + lynxId), 0);
            second.subscribe(List.of("user:" + lynxId), 0);
            someoneElse.subscribe(List.of("user:" + uid(ocelot)), 0);
            third.close();
            someoneElse.close();
        }
    }

    @Test
    void a_frame_larger_than_64_kib_from_the_client_closes_its_websocket_with_1009() {
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        try (WsClient flooding = WsClient.connect(api.baseUrl(), lynx);
             WsClient other = WsClient.connect(api.baseUrl(), ocelot)) {
            flooding.send("subscribe", Map.of("channels", List.of("room:" + "x".repeat(64 * 1024)), "last", 0));

            assertThat(flooding.awaitClose().code()).isEqualTo(1009);
            other.subscribe(List.of("user:" + uid(ocelot)), 0);
        }
    }

    @Test
    void a_websocket_closed_makes_room_for_another() {
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        try (WsClient first = WsClient.connect(api.baseUrl(), lynx);
             WsClient second = WsClient.connect(api.baseUrl(), lynx)) {
            first.close();
            Eventually.await("the server saw the first WebSocket go",
                    () -> server.get(OpenConnections.class).openFeedsOf("user:" + lynxId) == 1);
            try (WsClient third = WsClient.connect(api.baseUrl(), lynx)) {
                third.subscribe(List.of("user:" + lynxId), 0);
            }
        }
    }

    @Test
    void a_subscription_with_more_channels_than_the_bound_is_refused_naming_channels() {
        String lynx = api.signInAs("lynx");
        try (WsClient ws = WsClient.connect(api.baseUrl(), lynx)) {
            ws.send("subscribe", Map.of("channels", rooms(4), "last", 0));

            JsonNode refusal = ws.awaitEvent("subscribe_refused");

            assertThat(refusal.get("status").asText()).isEqualTo("error");
            assertThat(refusal.get("field").asText()).isEqualTo("channels");
            assertThat(refusal.get("message").asText()).contains("at most 3 channels");
            ws.subscribe(rooms(3), 0);
        }
    }

    @Test
    void a_poll_with_more_channels_than_the_bound_is_refused_naming_channels() {
        String lynx = api.signInAs("lynx");

        ApiClient.Response refused = api.rpc("/longpolling/poll", Map.of("channels", rooms(4), "last", 0), lynx);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.error().get("message").asText()).isEqualTo("Odoo Server Error");
        assertThat(refused.error().get("data").get("field").asText()).isEqualTo("channels");
        assertThat(refused.error().get("data").get("message").asText()).contains("at most 3 channels");
    }

    @Test
    void a_poll_past_the_held_polls_per_user_is_refused_and_the_held_one_goes_on() {
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        Map<String, Object> params = Map.of("channels", List.of("user:" + lynxId), "last", 0);
        CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll", params, lynx));
        Eventually.await("the first poll is held", () -> server.get(OpenConnections.class).heldPollsOf("user:" + lynxId) == 1);

        ApiClient.Response refused = api.rpc("/longpolling/poll", params, lynx);
        server.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(lynxId)), SampleEvents.numbered(5));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.error().get("data").get("message").asText()).contains("at most 1 long-polls");
        assertThat(refused.error().get("data").get("field").isNull()).as("no parameter is at fault").isTrue();
        assertThat(held.join().result().get(0).get("message").get("message").get("id").asInt()).isEqualTo(5);
    }

    @Test
    void a_bound_below_one_stops_the_start_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--ws-per-user", "0")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--ws-per-user");
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--channels-per-subscription", "1001")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--channels-per-subscription");
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--held-polls-per-user", "0")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--held-polls-per-user");
    }
}
