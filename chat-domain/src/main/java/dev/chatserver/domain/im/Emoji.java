package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

/**
 * What a reaction says: a short text (an emoji, or a sequence of them joined by zero-width joiners), at most
 * {@value #MAX_CODE_POINTS} code points, without control characters or spaces.
 */
public record Emoji(String value) {
    public static final int MAX_CODE_POINTS = 16;

    public Emoji {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput("emoji", "emoji is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw new InvalidInput("emoji", "emoji has at most " + MAX_CODE_POINTS + " code points");
        }
        if (value.codePoints().anyMatch(Emoji::forbidden)) {
            throw new InvalidInput("emoji", "emoji holds no control characters or spaces");
        }
    }

    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    @Override
    public String toString() {
        return value;
    }
}
