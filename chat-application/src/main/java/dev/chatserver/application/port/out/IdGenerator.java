package dev.chatserver.application.port.out;

import java.util.UUID;

/** New unique identifiers, injectable so that tests can predict them. */
public interface IdGenerator {
    UUID newUuid();
}
