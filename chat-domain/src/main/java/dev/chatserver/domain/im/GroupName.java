package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The name members give a group conversation: 1 to 100 characters, not only blanks, trimmed. */
public record GroupName(String value) {
    public static final int MAX_LENGTH = 100;

    public GroupName {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidInput("name", "name is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidInput("name", "name is at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "name has no control characters");
        }
    }
}
