package dev.chatserver.bootstrap.chats;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty creates of one chat at once over HTTP: one 201, nineteen 409 chat_already_exists, never a 500. */
class ConcurrentCreateTest {
    private static final int CALLERS = 20;

    @Test
    void in_memory() throws Exception {
        try (ChatsServer server = ChatsServer.inMemory()) {
            raceOn(server);
        }
    }

    @Test
    void on_h2(@TempDir Path data) throws Exception {
        try (ChatsServer server = ChatsServer.on(List.of("--storage", "h2", "--data-dir", data.toString()))) {
            raceOn(server);
        }
    }

    @Test
    void on_postgres() throws Exception {
        DatabaseSettings database = PostgresTestDatabases.newDatabase(10);
        try (ChatsServer server = ChatsServer.on(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-password", database.password()))) {
            raceOn(server);
        } finally {
            PostgresTestDatabases.drop(database);
        }
    }

    private static void raceOn(ChatsServer server) throws Exception {
        String tenant = server.signIn("support");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> creates = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            creates.add(() -> {
                start.await();
                return server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"course-42\"}", tenant);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            creates.forEach(create -> futures.add(pool.submit(create)));
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        List<ApiClient.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(CALLERS - 1);
        refused.forEach(r -> ProblemAssert.assertProblem(r, 409, "chat_already_exists"));
        String winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("id").asText();
        assertThat(server.get("/api/v1/audiences/example.org/chats/course-42", tenant).json().get("id").asText())
                .isEqualTo(winner);
    }
}
