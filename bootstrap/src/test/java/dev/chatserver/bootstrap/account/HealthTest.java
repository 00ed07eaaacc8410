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
            assertThat(response.raw().body()).isEqualTo("{\"status\":\"up\",\"storage\":\"memory\"}");
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
                    assertThat(response.raw().body()).isEqualTo("{\"status\":\"down\",\"storage\":\"h2\"}");
                }
            }
        }
    }
}
