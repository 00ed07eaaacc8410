package dev.chatserver.bootstrap.account;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

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
}
