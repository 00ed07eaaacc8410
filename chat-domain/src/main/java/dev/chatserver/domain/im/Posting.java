package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Locale;

/** Who may post in a group conversation: every member, or its admins only (an announcement group). */
public enum Posting {
    ALL, ADMINS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Posting parse(String field, String text) {
        for (Posting posting : values()) {
            if (posting.value().equals(text)) {
                return posting;
            }
        }
        throw new InvalidInput(field, field + " is \"all\" or \"admins\"");
    }
}
