package dev.chatserver.domain.chats;

import java.util.Objects;

/**
 * A JSON document kept as its text: the core stores and forwards it unchanged and never looks inside. The
 * HTTP adapter checks that it is JSON before it gets here and writes it back as JSON, not as a string.
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

    /**
     * The document as a tree of maps, lists, strings, numbers, booleans and nulls, as notifications carry it;
     * {@link IllegalArgumentException} when the text is not JSON.
     */
    public Object tree() {
        return JsonTree.parse(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
