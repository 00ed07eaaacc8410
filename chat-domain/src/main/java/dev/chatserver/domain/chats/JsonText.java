package dev.chatserver.domain.chats;

import java.util.Objects;

/**
 * A JSON document kept as its text: the core stores and forwards it unchanged and never looks inside. Whoever
 * makes one vouches that it is JSON (the HTTP adapter parses it with Jackson first); every adapter that writes
 * it out writes it as JSON, not as a string — also inside notification messages, which carry it as it is.
 */
public record JsonText(String value) {
    public static final JsonText EMPTY_OBJECT = new JsonText("{}");

    public JsonText {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a JSON text is not blank");
        }
    }

    /** The size in UTF-8 bytes, as it travels and is stored. */
    public int utf8Length() {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Whether the document is a JSON object, as tags must be. */
    public boolean isObject() {
        String text = value.strip();
        return text.startsWith("{") && text.endsWith("}");
    }

    @Override
    public String toString() {
        return value;
    }
}
