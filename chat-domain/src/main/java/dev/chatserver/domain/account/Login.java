package dev.chatserver.domain.account;

import dev.chatserver.domain.problem.InvalidInput;

/** The name a user signs in with: unique, no blanks, at most 100 characters, compared as written. */
public record Login(String value) {
    public static final int MAX_LENGTH = 100;

    public Login {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("login", "login is required");
        }
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput("login", "login has no blanks and at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
