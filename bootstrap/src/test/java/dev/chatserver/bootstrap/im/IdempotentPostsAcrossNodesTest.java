package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres;
import dev.chatserver.bootstrap.kit.DemoNodesOnPostgres.LynxWithOcelot;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, each with its own writer, posting the same client_id at once: the
 * writers decide on the session's members locked in their transactions and read the key after that lock, so
 * whichever commits second sees the first one's key, and the session ends with one message.
 */
class IdempotentPostsAcrossNodesTest {
    private final DemoNodesOnPostgres cluster = new DemoNodesOnPostgres();

    @AfterEach
    void stopNodes() {
        cluster.close();
    }

    @Test
    void the_same_client_id_posted_through_two_nodes_at_once_stores_one_message() throws Exception {
        RunningServer a = cluster.start();
        RunningServer b = cluster.start();
        LynxWithOcelot session = DemoNodesOnPostgres.lynxWithOcelot(a, b);

        for (int round = 0; round < 5; round++) {
            String clientId = "race-" + round;
            int racers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    ApiClient node = i % 2 == 0 ? a.client() : b.client();
                    String token = i % 2 == 0 ? session.lynxOnA() : session.lynxOnB();
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return node.rpc("/im_chat/post", Map.of("uuid", session.uuid(), "message_type", "message",
                                "message_content", "once", "client_id", clientId), token).result();
                    }, pool));
                }
                start.countDown();
                Set<Long> ids = new HashSet<>();
                for (CompletableFuture<JsonNode> answer : answers) {
                    JsonNode result = answer.join();
                    assertThat(result.has("message_id")).as(result.toString()).isTrue();
                    ids.add(result.get("message_id").asLong());
                }
                assertThat(ids).as("round " + round).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
        JsonNode history = b.client().rpc("/im_chat/api/history", Map.of("uuid", session.uuid()), session.ocelotOnB())
                .result();
        assertThat(history).hasSize(5);
    }
}
