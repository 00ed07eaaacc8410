package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;

/**
 * Who acts in the Chats API: the pair (label, audience). A backend's token gives its subject and issuer
 * ({@code sub} {@code backend}, {@code iss} {@code svc.example.org}); a signed-in user is their login and the
 * configured account audience. Two accounts are the same only when both parts are: the text
 * {@code label.audience} is for reading, and is ambiguous when a label holds a dot ({@code a} of {@code b.c} and
 * {@code a.b} of {@code c} both read {@code a.b.c}), so wherever an account is stored or keys something it is
 * written as {@link #key()}, which tells every pair apart.
 */
public record AccountId(String label, String audience) {
    /** Each part's longest length, so that a stored account stays bounded whatever a token holds. */
    public static final int MAX_PART_LENGTH = 255;

    public AccountId {
        if (label == null || label.isBlank() || label.chars().anyMatch(Character::isWhitespace)
                || label.length() > MAX_PART_LENGTH) {
            throw new InvalidInput("account", "an account label is non-blank without blanks, at most "
                    + MAX_PART_LENGTH + " characters");
        }
        if (audience == null || audience.isBlank() || audience.chars().anyMatch(Character::isWhitespace)
                || audience.length() > MAX_PART_LENGTH) {
            throw new InvalidInput("account", "an account audience is non-blank without blanks, at most "
                    + MAX_PART_LENGTH + " characters");
        }
    }

    /** Reads {@code label.audience} as configured: the label is everything before the first dot. */
    public static AccountId parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new InvalidInput("account", "an account is written label.audience: " + text);
        }
        return new AccountId(text.substring(0, dot), text.substring(dot + 1));
    }

    /**
     * The account as stored and as a key: the label's length, a colon, then {@code label.audience}
     * (e.g. {@code 7:backend.svc.example.org}). Two different pairs never have the same key.
     */
    public String key() {
        return label.length() + ":" + label + "." + audience;
    }

    /** The account whose {@link #key()} this is. */
    public static AccountId fromKey(String key) {
        int colon = key.indexOf(':');
        int length;
        try {
            length = Integer.parseInt(key.substring(0, Math.max(colon, 0)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an account key: " + key, e);
        }
        int dot = colon + 1 + length;
        if (length < 1 || dot >= key.length() || key.charAt(dot) != '.') {
            throw new IllegalArgumentException("not an account key: " + key);
        }
        return new AccountId(key.substring(colon + 1, dot), key.substring(dot + 1));
    }

    @Override
    public String toString() {
        return label + "." + audience;
    }
}
