package dev.chatserver.bootstrap.kit;

import com.google.inject.Module;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server nodes with the demo users on one fresh PostgreSQL database, as a cluster runs them; closing stops every
 * node and drops the database.
 */
public final class DemoNodesOnPostgres implements AutoCloseable {
    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private final List<RunningServer> nodes = new ArrayList<>();

    /** One more node on the shared database. */
    public RunningServer start() {
        return start(List.of());
    }

    /** One more node on the shared database, with these flags too and these bindings overridden (a clock). */
    public RunningServer start(List<String> flags, Module... overrides) {
        List<String> all = new ArrayList<>(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-password", database.password(), "--db-pool-size", "4", "--demo"));
        all.addAll(flags);
        RunningServer node = RunningServer.start(all, overrides);
        nodes.add(node);
        return node;
    }

    public DatabaseSettings database() {
        return database;
    }

    /** Lynx signed in on both nodes, and the private session of Lynx and Ocelot (opened through {@code a}). */
    public static LynxWithOcelot lynxWithOcelot(RunningServer a, RunningServer b) {
        String lynxOnA = a.client().signInAs("lynx");
        String lynxOnB = b.client().signInAs("lynx");
        String ocelotOnB = b.client().signInAs("ocelot");
        long ocelot = b.client().rpc("/web/session/get_session_info", Map.of(), ocelotOnB).result().get("uid").asLong();
        String uuid = a.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynxOnA)
                .result().get("uuid").asText();
        return new LynxWithOcelot(lynxOnA, lynxOnB, ocelotOnB, uuid);
    }

    /** Tokens of Lynx on nodes a and b and of Ocelot on b, and their session's uuid. */
    public record LynxWithOcelot(String lynxOnA, String lynxOnB, String ocelotOnB, String uuid) {
    }

    @Override
    public void close() {
        nodes.forEach(RunningServer::close);
        PostgresTestDatabases.drop(database);
    }
}
