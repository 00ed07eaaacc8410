package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** How a member files a session: active, favorite or archive. New members start active. */
public enum SessionStatus {
    ACTIVE, FAVORITE, ARCHIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a wire name; anything else is {@link InvalidInput} naming {@code field}. */
    public static SessionStatus parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " is one of 'active', 'favorite' or 'archive'"));
    }
}
