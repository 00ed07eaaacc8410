package dev.chatserver.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.Haproxy;
import dev.chatserver.bootstrap.kit.LongPollReader;
import dev.chatserver.bootstrap.kit.ResumingWebSocketReader;
import dev.chatserver.bootstrap.kit.ServerProcess;
import dev.chatserver.bootstrap.kit.SteadyPoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Three nodes (the packaged jar) on one PostgreSQL database behind HAProxy run with the shipped
 * {@code deploy/haproxy.cfg}, no sticky sessions. Clients post steadily through the proxy while WebSockets and a
 * long-poll read through it. One node is killed with SIGKILL, started again, then all three are restarted one at
 * a time (SIGTERM, a graceful stop): the readers reconnect to whichever node the proxy picks and resume from
 * their last id with no gap and no duplicate, no acknowledged post is lost, the other nodes keep answering.
 */
class HaproxyClusterIT {
    private static final int POSTERS = 6;
    /** How long the test waits for something it expects before it fails instead of hanging. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path work;

    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private final ServerProcess[] nodes = new ServerProcess[3];
    private final List<Integer> ports = List.of(ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort());
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private Haproxy proxy;

    private ServerProcess startNode(int index) {
        nodes[index] = ServerProcess.startOn(work, List.of("--storage", "postgres", "--db-url", database.url(),
                "--db-user", database.user(), "--db-password", database.password(), "--db-pool-size", "4", "--demo",
                "--user-budgets", "off", "--poll-timeout", "5s", "--stop-timeout", "5s",
                "--trusted-proxies", "127.0.0.1"), ports.get(index));
        return nodes[index];
    }

    @AfterEach
    void stopAll() {
        clients.shutdownNow();
        if (proxy != null) {
            proxy.close();
        }
        for (ServerProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        PostgresTestDatabases.drop(database);
    }

    @Test
    void clients_lose_nothing_when_a_node_is_killed_and_when_the_three_are_restarted_one_by_one() throws Exception {
        for (int i = 0; i < nodes.length; i++) {
            startNode(i);
        }
        proxy = Haproxy.inFrontOf(work, ports);
        ApiClient api = proxy.client();
        String ocelot = api.signInAs("ocelot");
        long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
        String lynx = api.signInAs("lynx");
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();

        String channel = "user:" + ocelotId;
        List<ResumingWebSocketReader> sockets = List.of(
                new ResumingWebSocketReader(proxy.baseUrl(), ocelot, channel),
                new ResumingWebSocketReader(proxy.baseUrl(), ocelot, channel),
                new ResumingWebSocketReader(proxy.baseUrl(), ocelot, channel));
        LongPollReader poll = new LongPollReader(api, ocelot, channel);
        sockets.forEach(clients::execute);
        clients.execute(poll);
        long warmUp = api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "everyone listening?"), lynx).result().get("message_id").asLong();
        await("every reader hears the first post", () -> sockets.stream().allMatch(s -> heard(s.received(), warmUp))
                && heard(poll.received(), warmUp));

        List<SteadyPoster> posters = new ArrayList<>();
        for (int i = 0; i < POSTERS; i++) {
            SteadyPoster poster = new SteadyPoster(proxy.client(), api.signInAs("lynx"), uuid, "poster" + i);
            posters.add(poster);
            clients.execute(poster);
        }
        await("posts flow", () -> acknowledged(posters) >= 60);

        HealthWatch others = new HealthWatch(List.of(nodes[1].client(), nodes[2].client()));
        clients.execute(others);
        nodes[0].kill();
        int beforeKill = acknowledged(posters);
        await("the proxy takes the killed node out", () -> proxy.status("node1").startsWith("DOWN"));
        await("posts flow through the other nodes", () -> acknowledged(posters) >= beforeKill + 100);
        others.stop();
        startNode(0);
        proxy.awaitNodeUp("node1");

        for (int i = 0; i < nodes.length; i++) {
            int before = acknowledged(posters);
            assertThat(nodes[i].terminate()).as("a graceful stop ends well").isIn(0, 143);
            await("posts flow while node" + (i + 1) + " is away", () -> acknowledged(posters) >= before + 40);
            startNode(i);
            proxy.awaitNodeUp("node" + (i + 1));
        }
        int afterRestarts = acknowledged(posters);
        await("posts flow on the restarted nodes", () -> acknowledged(posters) >= afterRestarts + 40);

        posters.forEach(SteadyPoster::stop);
        for (SteadyPoster poster : posters) {
            assertThat(poster.awaitStopped(60)).as("the last post in flight is answered").isTrue();
        }
        Set<Long> acknowledged = new HashSet<>(Set.of(warmUp));
        posters.forEach(p -> acknowledged.addAll(p.acknowledged()));
        clients.shutdown();
        await("every reader has every acknowledged post", () ->
                sockets.stream().allMatch(s -> ids(s.received()).containsAll(acknowledged))
                        && ids(poll.received()).containsAll(acknowledged));
        sockets.forEach(ResumingWebSocketReader::stop);
        poll.stop();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        posters.forEach(poster -> assertThat(poster.wrongAnswers()).as("answers a poster should never get").isEmpty());
        assertThat(others.statuses()).as("the other nodes' /healthz while one was dead").isNotEmpty().containsOnly(200);
        assertThat(poll.wrongAnswers()).isEmpty();
        for (ResumingWebSocketReader socket : sockets) {
            assertThat(socket.wrongFrames()).isEmpty();
            assertThat(socket.connections()).as("each socket lost its node at least once and came back").isGreaterThan(1);
            assertNoGapNoDuplicate(socket.received(), acknowledged);
        }
        assertNoGapNoDuplicate(poll.received(), acknowledged);
        assertThat(history(api, lynx, uuid)).doesNotHaveDuplicates().containsAll(acknowledged);
    }

    private static void assertNoGapNoDuplicate(List<JsonNode> received, Set<Long> acknowledged) {
        assertThat(received.stream().map(n -> n.get("id").asLong()).toList())
                .as("notification ids, in the order received").doesNotHaveDuplicates().isSorted();
        assertThat(ids(received)).doesNotHaveDuplicates().isSorted().containsAll(acknowledged);
    }

    private static boolean heard(List<JsonNode> received, long messageId) {
        return ids(received).contains(messageId);
    }

    private static List<Long> ids(List<JsonNode> received) {
        return SteadyPoster.postedMessageIds(received);
    }

    private static int acknowledged(List<SteadyPoster> posters) {
        return posters.stream().mapToInt(SteadyPoster::acknowledgedCount).sum();
    }

    /** Every message id of the session, read page by page. */
    private static List<Long> history(ApiClient api, String token, String uuid) {
        List<Long> ids = new ArrayList<>();
        Long before = null;
        while (true) {
            Map<String, Object> params = before == null ? Map.of("uuid", uuid, "limit", 100)
                    : Map.of("uuid", uuid, "limit", 100, "last_ID", before);
            JsonNode page = api.rpc("/im_chat/api/history", params, token).result();
            if (page.isEmpty()) {
                return ids;
            }
            page.forEach(message -> ids.add(message.get("id").asLong()));
            before = page.get(page.size() - 1).get("id").asLong();
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain: " + what + "\nproxy: " + proxy.output());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** A load balancer's view of the nodes left: {@code /healthz} of each every 200 ms, each status noted. */
    private static final class HealthWatch implements Runnable {
        private final List<ApiClient> nodes;
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        HealthWatch(List<ApiClient> nodes) {
            this.nodes = nodes;
        }

        @Override
        public void run() {
            while (running) {
                for (ApiClient node : nodes) {
                    try {
                        statuses.add(node.get("/healthz", Map.of()).status());
                    } catch (UncheckedIOException noAnswer) {
                        statuses.add(0);
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<Integer> statuses() {
            return List.copyOf(statuses);
        }

        void stop() {
            running = false;
        }
    }
}
