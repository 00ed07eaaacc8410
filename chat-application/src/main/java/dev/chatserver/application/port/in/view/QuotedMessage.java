package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;

import java.util.Objects;

/**
 * The message a reply answers, as shown above the reply: who said it and the start of what they said
 * ({@link #MAX_CHARACTERS} at most), nothing of it once it was deleted.
 */
public record QuotedMessage(long id, UserId fromId, String message, boolean deleted) {
    /** How much of the quoted text a reply shows, in characters (code points, so no character is cut in two). */
    public static final int MAX_CHARACTERS = 200;

    public QuotedMessage {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(message, "message");
        if (message.codePointCount(0, message.length()) > MAX_CHARACTERS) {
            throw new IllegalArgumentException("a quote shows at most " + MAX_CHARACTERS + " characters");
        }
        if (deleted && !message.isEmpty()) {
            throw new IllegalArgumentException("a deleted message is quoted without its text");
        }
    }

    /** The stored message {@code original} as a reply quotes it now. */
    public static QuotedMessage of(ImMessage original) {
        return new QuotedMessage(original.id(), original.from(), cut(original.content()), original.isDeleted());
    }

    /** The same quote once its message was deleted. */
    public QuotedMessage deletedSince() {
        return new QuotedMessage(id, fromId, "", true);
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS));
    }
}
