package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/** A stored message. Ids increase in the order messages of one session were posted. */
public record ImMessage(long id, long sessionId, UserId from, MessageType type, String content,
                        Instant createDate) {
    public ImMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createDate, "createDate");
    }
}
