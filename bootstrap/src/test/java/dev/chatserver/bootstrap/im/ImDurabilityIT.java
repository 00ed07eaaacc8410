package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
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
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post and a chat event are durable before they are answered, however many the writer stores together: the
 * packaged server is loaded by concurrent posters of IM messages (two members of one session) and of chat
 * events, killed with SIGKILL while requests are in flight, started again on the same data, and every
 * acknowledged message and event is there, on H2 and on PostgreSQL.
 */
class ImDurabilityIT {
    private static final int IM_POSTERS = 4;
    private static final int EVENT_POSTERS = 4;
    /** Acknowledged writes after which the server is killed, posters still posting. */
    private static final int KILL_AFTER = 120;
    /** At most this many IM posts are made, so that one history page holds them all. */
    private static final int MAX_IM_POSTS = 150;

    @TempDir
    Path workDir;

    @Test
    void every_acknowledged_post_and_event_survives_kill_9_under_load_on_h2() throws Exception {
        survivesKill(List.of("--storage", "h2", "--data-dir", workDir.resolve("data").toString()));
    }

    @Test
    void every_acknowledged_post_and_event_survives_kill_9_under_load_on_postgres() throws Exception {
        DatabaseSettings database = PostgresTestDatabases.newDatabase(10);
        try {
            survivesKill(List.of("--storage", "postgres", "--db-url", database.url(), "--db-user", database.user(),
                    "--db-password", database.password()));
        } finally {
            PostgresTestDatabases.drop(database);
        }
    }

    private void survivesKill(List<String> storageFlags) throws Exception {
        List<String> flags = new ArrayList<>(storageFlags);
        // the posters post as fast as they can until the kill, far past what the budgets let a person post
        flags.addAll(List.of("--demo", "--chats-tenants", "example.org=support.usr.localhost", "--user-budgets", "off"));
        String uuid;
        String chatId;
        ConcurrentLinkedQueue<Long> acknowledgedPosts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledgedEvents = new ConcurrentLinkedQueue<>();
        try (ServerProcess server = ServerProcess.start(workDir, flags)) {
            ApiClient api = server.client();
            String lynx = api.signInAs("lynx");
            String ocelot = api.signInAs("ocelot");
            String tenant = api.signInAs("support");
            long ocelotId = api.rpc("/web/session/authenticate",
                    Map.of("login", "ocelot", "password", "ocelot-demo-password"), null).result().get("uid").asLong();
            uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                    .result().get("uuid").asText();
            ApiClient.Response chat = api.postRaw("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"kept\"}",
                    Map.of("Authorization", "Bearer " + tenant));
            assertThat(chat.status()).as(chat.raw().body()).isEqualTo(201);
            chatId = chat.json().get("id").asText();

            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            AtomicInteger imPosts = new AtomicInteger();
            ExecutorService posters = Executors.newFixedThreadPool(IM_POSTERS + EVENT_POSTERS);
            for (int p = 0; p < IM_POSTERS; p++) {
                String token = p % 2 == 0 ? lynx : ocelot;
                int poster = p;
                posters.submit(() -> untilKilled(() -> {
                    int n = imPosts.incrementAndGet();
                    if (n > MAX_IM_POSTS) {
                        return false;
                    }
                    ApiClient.Response posted = api.rpc("/im_chat/post", Map.of("uuid", uuid,
                            "message_type", "message", "message_content", "kept " + poster + "." + n), token);
                    if (posted.status() == 200) {
                        acknowledgedPosts.add(posted.result().get("message_id").asLong());
                        enough.countDown();
                    }
                    return true;
                }));
            }
            for (int p = 0; p < EVENT_POSTERS; p++) {
                int poster = p;
                AtomicInteger n = new AtomicInteger();
                posters.submit(() -> untilKilled(() -> {
                    String text = "event " + poster + "." + n.incrementAndGet();
                    ApiClient.Response posted = api.postRaw("/api/v1/chats/" + chatId + "/events",
                            "{\"type\":\"message\",\"data\":{\"text\":\"" + text + "\"}}",
                            Map.of("Authorization", "Bearer " + lynx));
                    if (posted.status() == 201) {
                        acknowledgedEvents.add(text);
                        enough.countDown();
                    }
                    return true;
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("the posters got answers").isTrue();
            server.kill();
            posters.shutdown();
            assertThat(posters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        try (ServerProcess restarted = ServerProcess.start(workDir, flags)) {
            ApiClient api = restarted.client();
            String lynx = api.signInAs("lynx");
            JsonNode history = api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 200), lynx).result();
            List<Long> stored = new ArrayList<>();
            history.forEach(m -> stored.add(m.get("id").asLong()));
            assertThat(stored).as("every acknowledged post").containsAll(acknowledgedPosts);
            assertThat(stored).as("newest first, ids only grow").isSortedAccordingTo((a, b) -> Long.compare(b, a));

            ApiClient.Response listed = api.get("/api/v1/chats/" + chatId + "/events?direction=forward&limit=1000",
                    Map.of("Authorization", "Bearer " + lynx));
            assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
            Set<String> events = new HashSet<>();
            listed.json().get("events").forEach(e -> events.add(e.get("data").get("text").asText()));
            assertThat(events).as("every acknowledged chat event").containsAll(acknowledgedEvents);
            assertThat(acknowledgedPosts.size() + acknowledgedEvents.size()).isGreaterThanOrEqualTo(KILL_AFTER);
        }
    }

    /** Repeats {@code post} until it says to stop or the server is gone. */
    private static void untilKilled(java.util.function.BooleanSupplier post) {
        try {
            while (post.getAsBoolean()) {
                // next
            }
        } catch (UncheckedIOException | IllegalStateException gone) {
            // the server was killed under this request: it was never acknowledged
        }
    }
}
