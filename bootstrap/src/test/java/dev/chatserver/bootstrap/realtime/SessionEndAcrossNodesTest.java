package dev.chatserver.bootstrap.realtime;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, trusting verified tokens for the default 5 s: a sign-out on one node
 * ends the token's WebSocket and held poll on the other within that window, and only that token's.
 */
class SessionEndAcrossNodesTest {
    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private final List<RunningServer> nodes = new ArrayList<>();

    private RunningServer startNode() {
        RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-pool-size", "4", "--demo"));
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(RunningServer::close);
        PostgresTestDatabases.drop(database);
    }

    @Test
    void signing_out_on_node_a_closes_the_tokens_websocket_and_ends_its_held_poll_on_node_b() {
        RunningServer a = startNode();
        RunningServer b = startNode();
        String leaving = a.client().signInAs("lynx");
        String staying = b.client().signInAs("lynx");
        long lynxId = b.client().rpc("/web/session/get_session_info", Map.of(), leaving).result().get("uid").asLong();
        try (WsClient gone = WsClient.connect(b.client().baseUrl(), leaving);
             WsClient kept = WsClient.connect(b.client().baseUrl(), staying)) {
            gone.subscribe(List.of("user:" + lynxId), 0);
            kept.subscribe(List.of("user:" + lynxId), 0);
            CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> b.client().rpc(
                    "/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", 0), leaving));
            Eventually.await("the poll is held on node B",
                    () -> b.get(OpenConnections.class).heldPollsOf("user:" + lynxId) == 1);

            assertThat(a.client().rpc("/web/session/destroy", Map.of(), leaving).result().get("status").asText())
                    .isEqualTo("success");

            assertThat(gone.awaitClose()).isEqualTo(new WsClient.Closed(4001, "session expired: sign in again"));
            ApiClient.Response ended = held.join();
            assertThat(ended.status()).isEqualTo(401);
            assertThat(ended.json().get("error").get("code").asInt()).isEqualTo(100);

            a.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(lynxId)), SampleEvents.numbered(9));
            assertThat(kept.awaitNotifications(1).get(0).get("message").get("message").get("id").asInt()).isEqualTo(9);
        }
    }
}
