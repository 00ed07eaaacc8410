package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded default (H2) a client resumes across a restart of the packaged server: ocelot's clients read
 * lynx's first posts and keep their last id; lynx goes on posting from two threads while the server is stopped
 * (SIGTERM) or killed (SIGKILL) under them; after the restart lynx posts once more, and each client, resuming from
 * the id it kept, is given exactly the posts stored after it, in order, each once: on a WebSocket and on a
 * long-poll in this server's dialect, and on a long-poll in Odoo 8's.
 */
class ResumeAcrossRestartIT {
    private static final int SEEN_BEFORE = 3;
    /** Acknowledged posts after which the server is stopped, posters still posting. */
    private static final int STOP_AFTER = 20;
    /** At most this many posts in all, so that one history page holds them. */
    private static final int MAX_POSTS = 80;

    @TempDir
    Path workDir;

    @Test
    void a_client_resumes_from_its_last_id_after_a_graceful_restart() throws Exception {
        resumesAcross(ServerProcess::terminate);
    }

    @Test
    void a_client_resumes_from_its_last_id_after_kill_9() throws Exception {
        resumesAcross(ServerProcess::kill);
    }

    private void resumesAcross(Consumer<ServerProcess> stop) throws Exception {
        List<String> flags = List.of("--storage", "h2", "--data-dir", workDir.resolve("data").toString(), "--demo",
                "--user-budgets", "off");
        String uuid;
        long ocelotId;
        List<Resuming> clients;
        Set<Long> seenBefore = new HashSet<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        try (ServerProcess server = ServerProcess.start(workDir, flags)) {
            ApiClient api = server.client();
            String lynx = api.signInAs("lynx");
            String ocelot = api.signInAs("ocelot");
            ocelotId = uid(api, ocelot);
            uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                    .result().get("uuid").asText();
            for (int i = 0; i < SEEN_BEFORE; i++) {
                seenBefore.add(post(api, lynx, uuid, "before " + i));
            }
            clients = List.of(new OurWebSocket(ocelotId), new OurLongPoll(ocelotId), new Odoo8LongPoll());
            for (Resuming client : clients) {
                List<Long> read = client.readFrom(api, ocelot, 0, seenBefore);
                assertThat(read).as(client + " before the restart").containsExactlyElementsOf(seenBefore.stream().sorted().toList());
            }

            CountDownLatch enough = new CountDownLatch(STOP_AFTER);
            AtomicInteger posts = new AtomicInteger();
            ExecutorService posters = Executors.newFixedThreadPool(2);
            for (int p = 0; p < 2; p++) {
                posters.submit(() -> untilStopped(() -> {
                    int n = posts.incrementAndGet();
                    if (n > MAX_POSTS) {
                        return false;
                    }
                    ApiClient.Response posted = api.rpc("/im_chat/post", Map.of("uuid", uuid,
                            "message_type", "message", "message_content", "missed " + n), lynx);
                    if (posted.status() == 200 && posted.result().has("message_id")) {
                        acknowledged.add(posted.result().get("message_id").asLong());
                        enough.countDown();
                    }
                    return true;
                }));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("the posters got answers").isTrue();
            stop.accept(server);
            posters.shutdown();
            assertThat(posters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        try (ServerProcess restarted = ServerProcess.start(workDir, flags)) {
            ApiClient api = restarted.client();
            String lynx = api.signInAs("lynx");
            String ocelot = api.signInAs("ocelot");
            long after = post(api, lynx, uuid, "after the restart");
            List<Long> stored = new ArrayList<>();
            api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 200), lynx).result()
                    .forEach(m -> stored.add(m.get("id").asLong()));
            assertThat(stored).as("every acknowledged post is stored").containsAll(acknowledged).contains(after);
            List<Long> missed = stored.stream().filter(id -> !seenBefore.contains(id)).sorted().toList();

            for (Resuming client : clients) {
                List<Long> resumed = client.readFrom(api, ocelot, client.last, Set.of(after));
                assertThat(resumed).as(client + " resuming from " + client.last + ": what it missed, in order, once")
                        .containsExactlyElementsOf(missed);
            }
        }
    }

    private static long uid(ApiClient api, String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private static long post(ApiClient api, String token, String uuid, String text) {
        ApiClient.Response posted = api.rpc("/im_chat/post",
                Map.of("uuid", uuid, "message_type", "message", "message_content", text), token);
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(200);
        return posted.result().get("message_id").asLong();
    }

    /** Repeats {@code post} until it says to stop or the server is gone. */
    private static void untilStopped(java.util.function.BooleanSupplier post) {
        try {
            while (post.getAsBoolean()) {
                // next
            }
        } catch (UncheckedIOException | IllegalStateException gone) {
            // the server stopped under this request: it was never acknowledged
        }
    }

    /**
     * A client of ocelot's that keeps the largest notification id it was given, as every client of the bus does.
     * Each read answers the ids of the posted messages it was given, in the order given, and checks that the
     * notification ids only grow.
     */
    private abstract static class Resuming {
        long last;

        /** Reads from {@code from} until every one of {@code awaited} arrived. */
        List<Long> readFrom(ApiClient api, String token, long from, Set<Long> awaited) {
            last = from;
            List<Long> posted = new ArrayList<>();
            for (int round = 0; round < 20 && !posted.containsAll(awaited); round++) {
                for (JsonNode notification : next(api, token)) {
                    long id = notification.get("id").asLong();
                    assertThat(id).as(this + ": notification ids only grow, " + notification).isGreaterThan(last);
                    last = id;
                    postedMessageId(notification.get("message")).ifPresent(posted::add);
                }
            }
            assertThat(posted).as(this + " was given").containsAll(awaited);
            close();
            return posted;
        }

        /** The next batch of notifications after {@link #last}. */
        abstract List<JsonNode> next(ApiClient api, String token);

        void close() {
        }

        /** The id of the posted message a notification carries: our {@code im_chat.message}, or Odoo 8's bare message. */
        private static OptionalLong postedMessageId(JsonNode message) {
            JsonNode posted = "im_chat.message".equals(message.path("type").asText()) ? message.path("message") : message;
            return "message".equals(posted.path("type").asText()) && posted.has("id")
                    ? OptionalLong.of(posted.get("id").asLong()) : OptionalLong.empty();
        }

        static List<JsonNode> results(ApiClient.Response answer) {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
            assertThat(answer.json().has("error")).as("not expired: " + answer.raw().body()).isFalse();
            List<JsonNode> notifications = new ArrayList<>();
            answer.json().get("result").forEach(notifications::add);
            return notifications;
        }
    }

    /** This server's WebSocket: subscribes with its last id, then reads the batches pushed. */
    private static final class OurWebSocket extends Resuming {
        private final long userId;
        private WsClient socket;

        OurWebSocket(long userId) {
            this.userId = userId;
        }

        @Override
        List<JsonNode> next(ApiClient api, String token) {
            if (socket == null) {
                socket = WsClient.connect(api.baseUrl(), token);
                socket.send("subscribe", Map.of("channels", List.of("user:" + userId), "last", last));
            }
            JsonNode frame = socket.next();
            assertThat(frame.path("event_name").asText()).as("not expired: " + frame).isNotEqualTo("history_expired");
            List<JsonNode> notifications = new ArrayList<>();
            if (frame.isArray()) {
                frame.forEach(notifications::add);
            }
            return notifications;
        }

        @Override
        void close() {
            socket.close();
            socket = null;
        }

        @Override
        public String toString() {
            return "our WebSocket";
        }
    }

    /** This server's long-poll: the bare params, the user's channel named, the token as bearer. */
    private static final class OurLongPoll extends Resuming {
        private final long userId;

        OurLongPoll(long userId) {
            this.userId = userId;
        }

        @Override
        List<JsonNode> next(ApiClient api, String token) {
            String body = ApiClient.mapper().createObjectNode()
                    .<ObjectNode>set("channels", ApiClient.mapper().valueToTree(List.of("user:" + userId)))
                    .put("last", last).toString();
            ApiClient.Response answer = api.postRaw("/longpolling/poll", body, Map.of("Authorization", "Bearer " + token));
            assertThat(answer.json().has("error")).as("not expired: " + answer.raw().body()).isFalse();
            List<JsonNode> notifications = new ArrayList<>();
            (answer.json().has("result") ? answer.json().get("result") : answer.json()).forEach(notifications::add);
            return notifications;
        }

        @Override
        public String toString() {
            return "our long-poll";
        }
    }

    /** Odoo 8's bus.js: no channels of its own, {@code im_presence}, the session cookie, answered in 8.0's shapes. */
    private static final class Odoo8LongPoll extends Resuming {
        @Override
        List<JsonNode> next(ApiClient api, String token) {
            ObjectNode envelope = ApiClient.mapper().createObjectNode();
            envelope.put("jsonrpc", "2.0");
            envelope.put("method", "call");
            envelope.set("params", ApiClient.mapper().valueToTree(Map.of("channels", List.of(), "last", last,
                    "options", Map.of("im_presence", true))));
            envelope.put("id", 1);
            return results(api.postRaw("/longpolling/poll", envelope.toString(), Map.of("Cookie", "session_id=" + token)));
        }

        @Override
        public String toString() {
            return "Odoo 8's long-poll";
        }
    }
}
