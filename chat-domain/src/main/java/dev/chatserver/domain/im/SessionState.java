package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** How a member shows a session in their window: open, folded (minimised) or closed. New members start open. */
public enum SessionState {
    OPEN, FOLDED, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a wire name; anything else is {@link InvalidInput} naming {@code field}. */
    public static SessionState parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " is one of 'open', 'folded' or 'closed'"));
    }
}
