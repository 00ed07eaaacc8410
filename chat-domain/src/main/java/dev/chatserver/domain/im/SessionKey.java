package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What makes a session canonical: one private session per pair of users and document, one group session per
 * group and document; a session that stopped being its pair's has a key of its own ({@link #adHoc}). Stored unique, so that two callers racing to create the same session get one.
 */
public record SessionKey(String value) {
    public SessionKey {
        Objects.requireNonNull(value, "value");
    }

    public static SessionKey privateBetween(UserId one, UserId other, Optional<DocumentRef> document) {
        long low = Math.min(one.value(), other.value());
        long high = Math.max(one.value(), other.value());
        return new SessionKey("pair:" + low + ":" + high + suffix(document));
    }

    public static SessionKey ofGroup(GroupId group, Optional<DocumentRef> document) {
        return new SessionKey("group:" + group.value() + suffix(document));
    }

    /**
     * The key of a session that is nobody's canonical one any more: a private session that took a third member.
     * Only its own uuid names it, so no pair or group ever finds it by key again.
     */
    public static SessionKey adHoc(UUID session) {
        return new SessionKey("adhoc:" + session);
    }

    private static String suffix(Optional<DocumentRef> document) {
        // lengths first, so that no model and id can be confused with another pair
        return document.map(d -> "|" + d.model().length() + ":" + d.model() + "|" + d.id()).orElse("");
    }
}
