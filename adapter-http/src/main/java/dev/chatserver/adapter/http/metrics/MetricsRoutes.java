package dev.chatserver.adapter.http.metrics;

import dev.chatserver.adapter.http.Routes;
import io.javalin.Javalin;
import jakarta.inject.Inject;

/** {@code GET /metrics}: this node's metrics in Prometheus' text format (see docs/OPERATIONS.md). */
public final class MetricsRoutes implements Routes {
    public static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;

    @Inject
    public MetricsRoutes(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addTo(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    }
}
