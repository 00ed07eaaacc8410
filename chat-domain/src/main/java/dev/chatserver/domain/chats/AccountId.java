package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;

/**
 * Who acts in the Chats API, written {@code label.audience} (e.g. {@code john.usr.example.org}: label
 * {@code john}, audience {@code usr.example.org}).
 */
public record AccountId(String label, String audience) {
    public AccountId {
        if (label == null || label.isBlank() || label.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput("account", "an account label is non-blank without blanks");
        }
        if (audience == null || audience.isBlank() || audience.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput("account", "an account audience is non-blank without blanks");
        }
    }

    /** Reads {@code label.audience}: the label is everything before the first dot. */
    public static AccountId parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new InvalidInput("account", "an account is written label.audience: " + text);
        }
        return new AccountId(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return label + "." + audience;
    }
}
