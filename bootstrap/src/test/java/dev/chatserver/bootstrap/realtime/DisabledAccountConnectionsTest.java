package dev.chatserver.bootstrap.realtime;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator disabling an account ends its WebSockets and held polls: at once on the node that disabled it,
 * within the token trust window on another node sharing the database; other accounts' connections stay.
 */
class DisabledAccountConnectionsTest {
    private final List<RunningServer> nodes = new ArrayList<>();
    private DatabaseSettings database;

    @AfterEach
    void stop() {
        nodes.forEach(RunningServer::close);
        if (database != null) {
            PostgresTestDatabases.drop(database);
        }
    }

    @Test
    void disabling_on_this_node_closes_the_accounts_websocket_and_ends_its_held_poll() {
        RunningServer node = RunningServer.inMemory();
        nodes.add(node);
        disableLynxOn(node, node);
    }

    @Test
    void disabling_on_node_a_closes_the_accounts_websocket_and_ends_its_held_poll_on_node_b() {
        database = PostgresTestDatabases.newDatabase(4);
        RunningServer a = startNode();
        RunningServer b = startNode();
        disableLynxOn(a, b);
    }

    private RunningServer startNode() {
        RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-pool-size", "4", "--demo"));
        nodes.add(node);
        return node;
    }

    private static void disableLynxOn(RunningServer adminNode, RunningServer lynxNode) {
        adminNode.get(ProvisionAccounts.class).addUser(AddUserCommand.of("root", "Root", "", "root-password", true));
        String root = adminNode.client().signIn("root", "root-password");
        ApiClient lynxApi = lynxNode.client();
        String lynx = lynxApi.signInAs("lynx");
        String ocelot = lynxApi.signInAs("ocelot");
        long lynxId = lynxApi.rpc("/web/session/get_session_info", Map.of(), lynx).result().get("uid").asLong();
        long ocelotId = lynxApi.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
        try (WsClient gone = WsClient.connect(lynxApi.baseUrl(), lynx);
             WsClient kept = WsClient.connect(lynxApi.baseUrl(), ocelot)) {
            gone.subscribe(List.of("user:" + lynxId), 0);
            kept.subscribe(List.of("user:" + ocelotId), 0);
            CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> lynxApi.rpc(
                    "/longpolling/poll", Map.of("channels", List.of("user:" + lynxId), "last", 0), lynx));
            Eventually.await("the poll is held",
                    () -> lynxNode.get(OpenConnections.class).heldPollsOf("user:" + lynxId) == 1);

            ApiClient.Response disabled = adminNode.client().send("PATCH", "/api/v1/admin/users/" + lynxId,
                    "{\"disabled\":true}", root);

            assertThat(disabled.status()).as(disabled.raw().body()).isEqualTo(200);
            assertThat(gone.awaitClose().code()).isEqualTo(4001);
            assertThat(held.join().status()).isEqualTo(401);
            assertThat(lynxApi.rpc("/web/session/get_session_info", Map.of(), ocelot).status()).isEqualTo(200);
            assertThat(kept.isClosed()).as("the other account's socket stays open").isFalse();
        }
    }
}
