package dev.chatserver.application.health;

import dev.chatserver.application.port.in.health.CheckHealth;
import dev.chatserver.application.port.out.StorageProbe;
import jakarta.inject.Inject;

public final class HealthService implements CheckHealth {
    private final StorageProbe storage;

    @Inject
    public HealthService(StorageProbe storage) {
        this.storage = storage;
    }

    @Override
    public Health check() {
        return new Health(storage.kind(), storage.answers());
    }
}
