package dev.chatserver.bootstrap.account;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulStopTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A route that holds its request until the test releases it. */
    private final Routes held = app -> app.get("/test/held", ctx -> {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
        ctx.result("finished");
    });

    @Test
    void a_stop_lets_the_request_in_flight_finish() throws Exception {
        RunningServer server = RunningServer.inMemory(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), Routes.class).addBinding().toInstance(held);
            }
        });
        ApiClient api = server.client();
        CompletableFuture<ApiClient.Response> inFlight = CompletableFuture.supplyAsync(() -> api.get("/test/held", Map.of()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        awaitRefusingNewRequests(api);
        assertThat(stopping).as("the stop waits for the request").isNotDone();
        release.countDown();

        ApiClient.Response response = inFlight.get(30, TimeUnit.SECONDS);
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).isEqualTo("finished");
    }

    /** Proves the stop is under way: new requests are turned away while the held one is still running. */
    private static void awaitRefusingNewRequests(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("/healthz", Map.of()).status() == 503) {
                    return;
                }
            } catch (java.io.UncheckedIOException refused) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the server kept accepting requests after the stop began");
    }
}
