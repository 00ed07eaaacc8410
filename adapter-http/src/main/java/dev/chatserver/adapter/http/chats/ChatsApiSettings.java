package dev.chatserver.adapter.http.chats;

import java.util.Objects;

/**
 * How the Chats API reads its callers and requests.
 *
 * @param maxPayloadBytes   the largest request body a chats route takes; a larger one is 413 invalid_payload
 * @param accountAudience   the audience of the accounts of signed-in users: the user {@code john} is the
 *                          account {@code john.<accountAudience>}
 */
public record ChatsApiSettings(int maxPayloadBytes, String accountAudience) {
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 65_536;
    public static final String DEFAULT_ACCOUNT_AUDIENCE = "usr.localhost";

    public ChatsApiSettings {
        if (maxPayloadBytes < 256) {
            throw new IllegalArgumentException("the payload limit is at least 256 bytes");
        }
        Objects.requireNonNull(accountAudience, "accountAudience");
        if (accountAudience.isBlank() || accountAudience.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an account audience is non-blank without blanks");
        }
    }
}
