package dev.chatserver.adapter.http;

import dev.chatserver.domain.problem.InvalidInput;

/**
 * A string parameter that every storage keeps as it is, in either API: no NUL (PostgreSQL refuses it in
 * text) and no lone surrogate (UTF-8 cannot carry one, so a database would turn it into {@code ?}).
 */
public final class StorableText {
    private StorableText() {
    }

    /** The value, or {@link InvalidInput} naming the field; null passes. */
    public static String checked(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInput(field, field + " contains a NUL character (\\u0000), which is not kept");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInput(field, field + " contains a lone surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not Unicode text");
            }
        }
        return value;
    }
}
