package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;

/** The one rule for the short names of the Chats API (audience, scope, type, set, label, attribute). */
public final class Names {
    public static final int MAX_LENGTH = 255;

    private Names() {
    }

    /** The name itself when it is non-blank, at most {@value #MAX_LENGTH} characters and has no control characters. */
    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return check(field, value);
    }

    /** Like {@link #require} but null stays null: the parameter is optional. */
    public static String optional(String field, String value) {
        return value == null ? null : require(field, value);
    }

    private static String check(String field, String value) {
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput(field, field + " has at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, field + " has no control characters");
        }
        return value;
    }
}
