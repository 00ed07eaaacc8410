package dev.chatserver.domain.notify;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Locale;

/** Which of what a user missed while away is worth an email to them. */
public enum EmailChoice {
    /** A digest of every session with unread messages (the default). */
    ALL,
    /** Only the messages that mention them. */
    MENTIONS,
    /** Never. */
    NONE;

    /** The choice written as its wire name ({@code all}, {@code mentions}, {@code none}); refused naming {@code field}. */
    public static EmailChoice parse(String field, String text) {
        if (text != null) {
            for (EmailChoice choice : values()) {
                if (choice.wireName().equals(text)) {
                    return choice;
                }
            }
        }
        throw new InvalidInput(field, field + " must be one of all, mentions, none");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
