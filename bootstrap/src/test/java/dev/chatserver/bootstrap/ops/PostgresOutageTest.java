package dev.chatserver.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.LongPollReader;
import dev.chatserver.bootstrap.kit.PrivatePostgres;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.bootstrap.kit.SteadyPoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again under load (a cluster of the test's own): while it is away two nodes
 * answer 503 with {@code Retry-After}, never a 500, and {@code /healthz} says down; when it is back they
 * recover by themselves, every acknowledged post is in the history once, and a long-poll on the other node
 * gets each of them once, in order, the bus having resumed from where the node stopped reading.
 */
class PostgresOutageTest {
    private static final int POSTERS = 4;

    private final PrivatePostgres postgres = PrivatePostgres.start();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        postgres.close();
    }

    private RunningServer node(DatabaseSettings database) {
        RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-pool-size", "4", "--demo", "--user-budgets", "off",
                "--poll-timeout", "2s"));
        closing.add(node);
        return node;
    }

    @Test
    void nodes_answer_503_while_postgres_is_away_and_recover_losing_nothing_acknowledged() throws Exception {
        DatabaseSettings database = postgres.newDatabase("chat_outage", 4);
        RunningServer a = node(database);
        RunningServer b = node(database);
        String lynx = a.client().signInAs("lynx");
        String ocelot = b.client().signInAs("ocelot");
        long ocelotId = b.client().rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
        String uuid = a.client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();

        ExecutorService clients = Executors.newCachedThreadPool();
        closing.add(clients::shutdownNow);
        LongPollReader reader = new LongPollReader(b.client(), ocelot, "user:" + ocelotId);
        clients.execute(reader);
        List<SteadyPoster> posters = new ArrayList<>();
        for (int i = 0; i < POSTERS; i++) {
            SteadyPoster poster = new SteadyPoster(a.client(), lynx, uuid, "poster" + i);
            posters.add(poster);
            clients.execute(poster);
        }
        HealthWatch healthOfA = new HealthWatch(a.client());
        clients.execute(healthOfA);

        await(() -> acknowledged(posters) >= 40);
        postgres.stop();
        await(() -> posters.stream().mapToInt(SteadyPoster::refusedForNow).sum() >= POSTERS
                && healthOfA.sawDown());
        ApiClient.Response historyWhileAway = a.client().rpc("/im_chat/api/history", Map.of("uuid", uuid), lynx);
        assertThat(historyWhileAway.status()).isEqualTo(503);
        assertThat(historyWhileAway.header("Retry-After")).isNotNull();
        int acknowledgedBeforeReturn = acknowledged(posters);

        postgres.startAgain();
        await(() -> acknowledged(posters) >= acknowledgedBeforeReturn + 40);
        posters.forEach(SteadyPoster::stop);
        for (SteadyPoster poster : posters) {
            assertThat(poster.awaitStopped(60)).as("the last post in flight is answered").isTrue();
        }
        clients.shutdown();
        Set<Long> acknowledged = new HashSet<>();
        posters.forEach(poster -> acknowledged.addAll(poster.acknowledged()));
        await(() -> SteadyPoster.postedMessageIds(reader.received()).containsAll(acknowledged));
        reader.stop();
        healthOfA.stop();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        posters.forEach(poster -> assertThat(poster.wrongAnswers()).isEmpty());
        assertThat(reader.wrongAnswers()).isEmpty();
        assertThat(healthOfA.statuses()).containsOnly(200, 503).contains(503).endsWith(200);
        assertThat(b.client().get("/healthz", Map.of()).status()).isEqualTo(200);

        List<Long> delivered = SteadyPoster.postedMessageIds(reader.received());
        assertThat(delivered).doesNotHaveDuplicates().isSorted().containsAll(acknowledged);
        List<Long> notificationIds = reader.received().stream().map(n -> n.get("id").asLong()).toList();
        assertThat(notificationIds).doesNotHaveDuplicates().isSorted();
        assertThat(history(a, lynx, uuid)).doesNotHaveDuplicates().containsAll(acknowledged);
    }

    private static int acknowledged(List<SteadyPoster> posters) {
        return posters.stream().mapToInt(SteadyPoster::acknowledgedCount).sum();
    }

    /** Every message id of the session, read page by page. */
    private static List<Long> history(RunningServer node, String token, String uuid) {
        List<Long> ids = new ArrayList<>();
        Long before = null;
        while (true) {
            Map<String, Object> params = before == null ? Map.of("uuid", uuid, "limit", 100)
                    : Map.of("uuid", uuid, "limit", 100, "last_ID", before);
            JsonNode page = node.client().rpc("/im_chat/api/history", params, token).result();
            if (page.isEmpty()) {
                return ids;
            }
            page.forEach(message -> ids.add(message.get("id").asLong()));
            before = page.get(page.size() - 1).get("id").asLong();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** A load balancer's probe: {@code /healthz} every 200 ms, each answer's status noted. */
    private static final class HealthWatch implements Runnable {
        private final ApiClient api;
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        HealthWatch(ApiClient api) {
            this.api = api;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    statuses.add(api.get("/healthz", Map.of()).status());
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (UncheckedIOException noAnswer) {
                    statuses.add(0);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        boolean sawDown() {
            return statuses.contains(503);
        }

        List<Integer> statuses() {
            return List.copyOf(statuses);
        }

        void stop() {
            running = false;
        }
    }
}
