package dev.chatserver.domain.im;

import java.time.Instant;
import java.util.Objects;

/** A message as shown in {@code last_message}: its id, type, text and time. */
public record MessageSummary(long id, String type, String message, Instant createDate) {
    public MessageSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createDate, "createDate");
    }
}
