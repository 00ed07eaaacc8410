package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Locale;

/** What a member of a group conversation may do: an admin manages it, a member takes part. */
public enum GroupRole {
    ADMIN, MEMBER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupRole parse(String field, String text) {
        for (GroupRole role : values()) {
            if (role.value().equals(text)) {
                return role;
            }
        }
        throw new InvalidInput(field, field + " is \"admin\" or \"member\"");
    }
}
