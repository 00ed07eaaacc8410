package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.ClientSchemes;
import dev.chatserver.adapter.http.metrics.MetricsRoutes;
import dev.chatserver.adapter.http.metrics.ServerMetrics;
import dev.chatserver.adapter.http.openapi.OpenApiRoutes;
import dev.chatserver.adapter.http.realtime.OutboundBudget;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.bootstrap.logging.DroppedLogLines;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;

/**
 * What operators read: {@code GET /metrics} (unless {@code --metrics off}) with the gauges of this node's state,
 * and {@code GET /openapi.json}. See docs/OPERATIONS.md.
 */
final class MetricsModule extends AbstractModule {
    @Provides
    @Singleton
    Optional<ServerMetrics> serverMetrics(ChatOptions options, GroupCommit writer, OpenConnections connections,
                                          OutboundBudget outbound, Storage storage,
                                          dev.chatserver.application.port.out.Attachments attachments) {
        if (!options.get(ServerFlags.METRICS)) {
            return Optional.empty();
        }
        ServerMetrics metrics = new ServerMetrics();
        MeterRegistry registry = metrics.registry();
        Gauge.builder("chat.writes.queued", writer, GroupCommit::waiting).strongReference(true)
                .description("posts and chat events waiting for the writer").register(registry);
        Gauge.builder("chat.websockets.open", connections, OpenConnections::feedsOpen).strongReference(true)
                .description("WebSockets open on this node").register(registry);
        Gauge.builder("chat.websockets.outbound.bytes", outbound, OutboundBudget::held).strongReference(true)
                .description("bytes the WebSockets of this node have queued or in flight").register(registry);
        FunctionCounter.builder("chat.websockets.closed.behind", outbound, OutboundBudget::closedForBytes)
                .description("WebSockets closed (4000) for holding more outbound bytes than a bound").register(registry);
        Gauge.builder("chat.polls.held", connections, OpenConnections::pollsHeld).strongReference(true)
                .description("long-polls held on this node").register(registry);
        FunctionCounter.builder("chat.log.dropped", DroppedLogLines.class, kind -> DroppedLogLines.total())
                .description("log lines dropped because the log could not keep up (callers never wait)")
                .register(registry);
        Gauge.builder("chat.attachments.files", attachments, a -> a.totals().files()).strongReference(true)
                .description("files uploaded and kept (posted, or not yet removed)").register(registry);
        Gauge.builder("chat.attachments.bytes", attachments, a -> a.totals().bytes()).strongReference(true)
                .description("bytes of the files uploaded and kept").baseUnit("bytes").register(registry);
        StorageFactory.meterPool(storage, registry);
        return Optional.of(metrics);
    }

    @Provides
    @Singleton
    Meters meters(Optional<ServerMetrics> metrics) {
        return metrics.<Meters>map(m -> m).orElse(Meters.NONE);
    }

    @ProvidesIntoSet
    Routes metricsRoute(Optional<ServerMetrics> metrics) {
        return metrics.<Routes>map(MetricsRoutes::new).orElse(app -> { });
    }

    @ProvidesIntoSet
    Routes openApiRoute(ClientSchemes schemes) {
        return new OpenApiRoutes(schemes);
    }
}
