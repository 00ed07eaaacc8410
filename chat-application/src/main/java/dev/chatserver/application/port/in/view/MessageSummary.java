package dev.chatserver.application.port.in.view;

import java.time.Instant;
import java.util.Objects;

/** A message as shown in {@code last_message}: its id, type, text and time, or a tombstone without text. */
public record MessageSummary(long id, String type, String message, Instant createDate, boolean deleted) {
    public MessageSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createDate, "createDate");
        if (deleted && !message.isEmpty()) {
            throw new IllegalArgumentException("a deleted message keeps no content");
        }
    }

    /** A last message as a stored notification kept it (see {@link SessionView#restored}). */
    public static MessageSummary restored(long id, String type, String message, Instant createDate, boolean deleted) {
        return new MessageSummary(id, type, message, createDate, deleted);
    }

    /** A message that was not deleted. */
    public MessageSummary(long id, String type, String message, Instant createDate) {
        this(id, type, message, createDate, false);
    }

    /** The same message once deleted: no text. */
    public MessageSummary tombstone() {
        return new MessageSummary(id, type, "", createDate, true);
    }
}
