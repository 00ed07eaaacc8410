package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.domain.account.Login;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue in front of the writer is bounded: with the writer held and its queue ({@code --write-queue 1})
 * full, further posts are answered 503 with Retry-After at once, in the JSON-RPC error shape; the held and the
 * queued post are stored once the writer goes on.
 */
class WriteOverloadTest {
    private static final int BURST = 6;
    private final WriterGate gate = new WriterGate();
    private final ExecutorService clients = Executors.newFixedThreadPool(BURST + 1);
    private RunningServer server;
    private ApiClient api;

    private void start(int writeQueue) {
        // one user floods the writer on purpose (300 posts at once): the budgets would refuse them before the queue
        server = RunningServer.start(List.of("--storage", "memory", "--demo", "--write-queue", Integer.toString(writeQueue),
                        "--user-budgets", "off"),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(gate);
                    }
                });
        api = server.client();
    }

    @AfterEach
    void stop() {
        gate.open();
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    /** The system clock, except that the writer thread waits at it while the gate is shut. */
    static final class WriterGate extends Clock {
        private final CountDownLatch gate;
        private final CountDownLatch writerHeld;
        private final AtomicBoolean shut;
        private final ZoneId zone;

        WriterGate() {
            this(new CountDownLatch(1), new CountDownLatch(1), new AtomicBoolean(), ZoneOffset.UTC);
        }

        private WriterGate(CountDownLatch gate, CountDownLatch writerHeld, AtomicBoolean shut, ZoneId zone) {
            this.gate = gate;
            this.writerHeld = writerHeld;
            this.shut = shut;
            this.zone = zone;
        }

        void shut() {
            shut.set(true);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public Instant instant() {
            if (shut.get() && Thread.currentThread().getName().equals(GroupCommit.THREAD_NAME)) {
                writerHeld.countDown();
                try {
                    if (!gate.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new WriterGate(gate, writerHeld, shut, other);
        }
    }

    @Test
    void posts_past_the_writers_queue_are_refused_at_once_with_retry_after_and_the_others_are_stored() throws Exception {
        start(1);
        String lynx = api.signInAs("lynx");
        long ocelot = server.get(UserDirectory.class).userByLogin(new Login("ocelot")).orElseThrow().id().value();
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx)
                .result().get("uuid").asText();
        gate.shut();

        CompletableFuture<ApiClient.Response> held = CompletableFuture.supplyAsync(() -> post(lynx, uuid, "held"), clients);
        assertThat(gate.writerHeld.await(30, TimeUnit.SECONDS)).as("the writer holds the first post").isTrue();
        CountDownLatch refused = new CountDownLatch(BURST - 1);
        List<CompletableFuture<ApiClient.Response>> burst = IntStream.range(0, BURST)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(lynx, uuid, "burst " + i), clients)
                        .whenComplete((response, failure) -> {
                            if (response != null && response.status() == 503) {
                                refused.countDown();
                            }
                        })).toList();

        // one post of the burst fits in the queue; the others are answered while the writer is still held
        assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();
        ApiClient.Response busy = burst.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .filter(response -> response.status() == 503).findFirst().orElseThrow();
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        JsonNode error = busy.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32000);
        assertThat(error.get("data").get("name").asText()).isEqualTo("overloaded");
        assertThat(held).isNotDone();

        gate.open();
        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        List<ApiClient.Response> answers = burst.stream().map(CompletableFuture::join).toList();
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 503).hasSize(BURST - 1);
        JsonNode history = api.rpc("/im_chat/api/history", Map.of("uuid", uuid), lynx).result();
        assertThat(history).hasSize(2);
        assertThat(post(lynx, uuid, "after").status()).as("room again once the queue drained").isEqualTo(200);
    }

    @Test
    void posts_waiting_for_the_writer_hold_no_request_thread() throws Exception {
        int waiting = 300; // more than Jetty's 250 request threads
        start(1000);
        String lynx = api.signInAs("lynx");
        long ocelot = server.get(UserDirectory.class).userByLogin(new Login("ocelot")).orElseThrow().id().value();
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx)
                .result().get("uuid").asText();
        gate.shut();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, waiting)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/im_chat/post"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + lynx)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"uuid\":\"" + uuid
                                + "\",\"message_type\":\"message\",\"message_content\":\"w" + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString())).toList();
        assertThat(gate.writerHeld.await(30, TimeUnit.SECONDS)).isTrue();
        GroupCommit writer = server.get(GroupCommit.class);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // more posts waiting than Jetty has request threads (250): none of them can be holding one; the writer's
        // gated batch may have taken more than one post, so the count to wait for is not exactly waiting - 1
        while (writer.waiting() <= 250) {
            assertThat(System.nanoTime()).as("posts waiting for the writer: " + writer.waiting()).isLessThan(giveUp);
            LockSupport.parkNanos(1_000_000);
        }

        assertThat(api.get("/healthz", Map.of()).status()).as("a request thread is free").isEqualTo(200);
        assertThat(posts).noneMatch(CompletableFuture::isDone);
        gate.open();
        assertThat(posts).allSatisfy(post -> assertThat(post.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
    }

    private ApiClient.Response post(String token, String uuid, String text) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token);
    }
}
