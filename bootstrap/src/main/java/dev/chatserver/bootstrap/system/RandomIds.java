package dev.chatserver.bootstrap.system;

import dev.chatserver.application.port.out.IdGenerator;

import java.util.UUID;

/** Random (version 4) UUIDs. */
public final class RandomIds implements IdGenerator {
    @Override
    public UUID newUuid() {
        return UUID.randomUUID();
    }
}
