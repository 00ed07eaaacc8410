package dev.chatserver.application.health;

import dev.chatserver.application.port.in.health.CheckHealth;
import dev.chatserver.application.port.out.StorageProbe;
import dev.chatserver.application.write.GroupCommit;
import jakarta.inject.Inject;

/**
 * Whether this node can serve: its storage runs a statement, and its writer (which stores every post and chat
 * event) is still running. Either failing makes the node down, for a load balancer to take it out and a
 * supervisor to restart it (docs/OPERATIONS.md).
 */
public final class CheckHealthService implements CheckHealth {
    private final StorageProbe storage;
    private final GroupCommit writer;

    @Inject
    public CheckHealthService(StorageProbe storage, GroupCommit writer) {
        this.storage = storage;
        this.writer = writer;
    }

    @Override
    public Health check() {
        return new Health(storage.kind(), writer.serving() && storage.answers());
    }
}
