package dev.chatserver.application.port.out;

import dev.chatserver.domain.im.Unread;

import java.util.Objects;
import java.util.UUID;

/** A member's unread messages of one session ({@link Unread}) with the session's uuid, for a link to it. */
public record UnreadSession(Unread unread, UUID session) {
    public UnreadSession {
        Objects.requireNonNull(unread, "unread");
        Objects.requireNonNull(session, "session");
    }
}
