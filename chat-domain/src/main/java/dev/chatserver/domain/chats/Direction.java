package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Locale;

/** Which way a listing of events runs from its cursor: forward (older to newer) or backward. */
public enum Direction {
    FORWARD, BACKWARD;

    public static Direction parse(String field, String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(field, field + " is forward or backward");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
