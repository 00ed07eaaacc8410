package dev.chatserver.bootstrap.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.contract.PlainPasswordHasher;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Password checks run on a bounded pool: a burst of sign-ins is turned away past it while other routes answer. */
class HashingPoolTest {
    private static final int BURST = 10;
    private final GatedHasher hasher = new GatedHasher();
    private final RunningServer server = RunningServer.start(
            List.of("--storage", "memory", "--demo", "--sign-in-hashes", "1", "--sign-in-hash-queue", "2",
                    "--sign-in-address-failures", "1000"),
            new AbstractModule() {
                @Override
                protected void configure() {
                    bind(PasswordHasher.class).toInstance(hasher);
                }
            });
    private final ApiClient api = server.client();
    /** One thread per sign-in of the burst: each blocks until the server answers it. */
    private final ExecutorService clients = Executors.newFixedThreadPool(BURST);

    @AfterEach
    void stop() {
        hasher.open();
        clients.shutdownNow();
        server.close();
    }

    /** Password checks that wait at a gate the test opens; it records how many ran at once. */
    static final class GatedHasher implements PasswordHasher {
        private final PlainPasswordHasher plain = new PlainPasswordHasher();
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        /** Counts down when a check first waits at the closed gate. */
        private final CountDownLatch firstHeld = new CountDownLatch(1);
        private volatile boolean gated;

        @Override
        public String hash(char[] password) {
            return plain.hash(password);
        }

        @Override
        public boolean matches(char[] password, String storedHash) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (gated) {
                    firstHeld.countDown();
                }
                if (gated && !gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
                return plain.matches(password, storedHash);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        void close() {
            gated = true;
        }

        void open() {
            gate.countDown();
        }
    }

    @Test
    void sign_ins_past_the_pool_and_its_queue_are_turned_away_while_other_routes_answer() throws Exception {
        String token = api.signInAs("ocelot");
        hasher.close();

        CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() -> wrongSignIn(0), clients);
        assertThat(hasher.firstHeld.await(30, TimeUnit.SECONDS)).isTrue();
        CountDownLatch refused = new CountDownLatch(BURST - 3);
        List<CompletableFuture<ApiClient.Response>> burst = IntStream.range(1, BURST)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> wrongSignIn(i), clients).whenComplete((response, failure) -> {
                    if (response != null && response.status() == 503) {
                        refused.countDown();
                    }
                })).toList();

        // one check runs and two wait: the seven others are answered at once, unhashed
        assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();
        ApiClient.Response busy = burst.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .filter(response -> response.status() == 503).findFirst().orElseThrow();
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        JsonNode error = busy.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32000);
        assertThat(error.get("data").get("name").asText()).isEqualTo("overloaded");

        ApiClient.Response other = api.rpc("/web/session/get_session_info", Map.of(), token);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.result().get("username").asText()).isEqualTo("ocelot");
        assertThat(first).isNotDone();

        hasher.open();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(401);
        long unauthenticated = burst.stream().map(CompletableFuture::join).filter(r -> r.status() == 401).count();
        long overloaded = burst.stream().map(CompletableFuture::join).filter(r -> r.status() == 503).count();
        assertThat(unauthenticated).isEqualTo(2);
        assertThat(overloaded).isEqualTo(BURST - 3);
        assertThat(hasher.mostAtOnce.get()).isEqualTo(1);
    }

    private ApiClient.Response wrongSignIn(int i) {
        return api.rpc("/web/session/authenticate", Map.of("login", "guess-" + i, "password", "wrong"), null);
    }
}
