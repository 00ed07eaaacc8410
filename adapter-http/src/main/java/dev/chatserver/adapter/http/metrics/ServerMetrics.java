package dev.chatserver.adapter.http.metrics;

import dev.chatserver.application.port.out.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * This node's metrics in one Prometheus registry: HTTP requests by route template and status, what the core
 * stored and delivered (the {@link Meters} it is told), and the JVM. Gauges of the core's state are added by the
 * wiring through {@link #registry()}. Every meter is made once and kept: answering a request costs a map lookup.
 */
public final class ServerMetrics implements Meters, AutoCloseable {
    /** The route of a request no route matched: one series for every unknown path. */
    public static final String UNMATCHED = "unmatched";
    /** Buckets of the request latency histogram: a fixed few, so a scrape stays small. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter postsStored;
    private final Counter chatEventsStored;
    private final Counter notificationsDelivered;
    private final Counter mailSent;
    private final Counter mailFailed;
    private final Counter mailGivenUp;
    private final ConcurrentMap<Answered, Timer> requests = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        postsStored = Counter.builder("chat.posts.stored").description("IM posts made durable")
                .register(registry);
        chatEventsStored = Counter.builder("chat.events.stored").description("chat events made durable")
                .register(registry);
        notificationsDelivered = Counter.builder("chat.notifications.delivered")
                .description("notifications handed to WebSockets and long-polls").register(registry);
        mailSent = Counter.builder("chat.mail.sent").description("away-from-chat emails the mail server took")
                .register(registry);
        mailFailed = Counter.builder("chat.mail.failed").description("attempts to send an email that failed (retried)")
                .register(registry);
        mailGivenUp = Counter.builder("chat.mail.given.up")
                .description("emails dropped after their last failed attempt").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Where the wiring adds gauges of its own (the write queue, open connections, the connection pool). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void postsStored(int count) {
        postsStored.increment(count);
    }

    @Override
    public void chatEventsStored(int count) {
        chatEventsStored.increment(count);
    }

    @Override
    public void notificationsDelivered(int count) {
        notificationsDelivered.increment(count);
    }

    @Override
    public void mailSent() {
        mailSent.increment();
    }

    @Override
    public void mailFailed() {
        mailFailed.increment();
    }

    @Override
    public void mailGivenUp() {
        mailGivenUp.increment();
    }

    /** One request answered: {@code route} is the route's template ({@code /api/v1/chats/{chat_id}}), never the path. */
    public void answered(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(new Answered(method, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Answered answered) {
        return Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                .tag("method", answered.method()).tag("route", answered.route())
                .tag("status", Integer.toString(answered.status()))
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private record Answered(String method, String route, int status) {
    }
}
