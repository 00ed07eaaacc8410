package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/** A message about to be stored in a session. */
public record NewMessage(long sessionId, UserId from, MessageType type, String content, Instant createDate) {
    public NewMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** The message as stored under {@code id}. */
    public ImMessage storedAs(long id) {
        return new ImMessage(id, sessionId, from, type, content, createDate);
    }
}
