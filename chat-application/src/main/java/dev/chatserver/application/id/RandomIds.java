package dev.chatserver.application.id;

import dev.chatserver.application.port.out.IdGenerator;

import java.util.UUID;

public final class RandomIds implements IdGenerator {
    @Override
    public UUID newUuid() {
        return UUID.randomUUID();
    }
}
