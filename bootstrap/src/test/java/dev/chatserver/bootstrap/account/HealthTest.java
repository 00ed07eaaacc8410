package dev.chatserver.bootstrap.account;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {

    @Test
    void health_names_the_storage_while_it_answers() {
        try (RunningServer server = RunningServer.inMemory()) {
            var response = server.client().get("/healthz", Map.of());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.raw().body()).isEqualTo("{\"status\":\"up\",\"storage\":\"memory\"}\n");
        }
    }

    @Test
    void a_known_route_asked_with_another_method_is_405_naming_the_methods_it_has() {
        try (RunningServer server = RunningServer.inMemory()) {
            var health = server.client().postRaw("/healthz", "{}", Map.of());
            var chats = server.client().postRaw("/api/v1/rooms/" + java.util.UUID.randomUUID() + "/close", "{}", Map.of());
            var readChat = server.client().postRaw("/api/v1/audiences/example.org/chats/s", "{}", Map.of());

            assertThat(health.status()).isEqualTo(405);
            assertThat(health.header("Allow")).isEqualTo("GET");
            assertThat(readChat.status()).isEqualTo(405);
            assertThat(readChat.header("Allow")).isEqualTo("GET");
            assertThat(readChat.header("Content-Type")).startsWith("application/problem+json");
            assertThat(chats.status()).as("the method it has is not refused").isNotEqualTo(405);
            assertThat(server.client().postRaw("/no-such-route", "{}", Map.of()).status()).isEqualTo(404);
        }
    }

    @Test
    void json_rpc_answers_end_with_a_newline_too() {
        try (RunningServer server = RunningServer.inMemory()) {
            var answer = server.client().postRaw("/web/session/get_session_info",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":1}", Map.of());

            assertThat(answer.raw().body()).startsWith("{\"jsonrpc\":\"2.0\"").endsWith("}\n");
        }
    }

    @Test
    void health_is_503_once_the_database_is_gone() {
        DatabaseSettings database = PostgresTestDatabases.newDatabase(2);
        try (RunningServer server = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user()))) {
            assertThat(server.client().get("/healthz", Map.of()).status()).isEqualTo(200);

            PostgresTestDatabases.drop(database);

            var response = server.client().get("/healthz", Map.of());
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().get("storage").asText()).isEqualTo("postgres");
            assertThat(response.json().get("status").asText()).isEqualTo("down");
        }
    }

    /**
     * What H2 does after an OutOfMemoryError in its writer: it closes the database's store under the open
     * connections, which still say they are valid while every statement fails. The test closes it the same way,
     * through a connection of its own to the server's database (one JVM: one H2 database).
     */
    @Test
    void health_is_503_while_h2_has_closed_the_database_under_the_server(@TempDir Path data) throws Exception {
        try (RunningServer server = RunningServer.start(List.of("--storage", "h2", "--data-dir", data.toString()))) {
            assertThat(server.client().get("/healthz", Map.of()).status()).isEqualTo(200);
            DatabaseSettings database = DatabaseSettings.h2File(data, 1);

            try (Connection ours = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                SessionLocal session = (SessionLocal) ours.unwrap(JdbcConnection.class).getSession();
                session.getDatabase().getStore().getMvStore().closeImmediately();

                for (int probe = 0; probe < 3; probe++) {
                    var response = server.client().get("/healthz", Map.of());
                    assertThat(response.status()).isEqualTo(503);
                    assertThat(response.raw().body()).isEqualTo("{\"status\":\"down\",\"storage\":\"h2\"}\n");
                }
            }
        }
    }
}
