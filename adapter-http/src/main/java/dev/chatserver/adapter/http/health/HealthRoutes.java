package dev.chatserver.adapter.http.health;

import dev.chatserver.adapter.http.Routes;
import dev.chatserver.application.port.in.health.CheckHealth;
import io.javalin.Javalin;
import jakarta.inject.Inject;

/** {@code GET /healthz}: 200 with the storage kind while the storage answers, 503 when it does not. */
public final class HealthRoutes implements Routes {
    private final CheckHealth health;

    @Inject
    public HealthRoutes(CheckHealth health) {
        this.health = health;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/healthz", ctx -> {
            CheckHealth.Health now = health.check();
            ctx.status(now.up() ? 200 : 503).json(new Answer(now.up() ? "up" : "down", now.storage()));
        });
    }

    /** In this order, always: {@code {"status":"up","storage":"h2"}}, as README.md shows it. */
    record Answer(String status, String storage) {
    }
}
