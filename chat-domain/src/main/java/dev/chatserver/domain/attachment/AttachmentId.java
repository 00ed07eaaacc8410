package dev.chatserver.domain.attachment;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** An uploaded file's id: random, so that one id tells nothing about another. */
public record AttachmentId(UUID value) {
    public AttachmentId {
        Objects.requireNonNull(value, "value");
    }

    /** The id a client wrote, refused as {@code field} when it is not one. */
    public static AttachmentId parse(String field, String text) {
        try {
            return new AttachmentId(UUID.fromString(text == null ? "" : text.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + " is not an attachment id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
