package dev.chatserver.application.im;

import dev.chatserver.domain.im.MessageType;

import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the IM chat accepts from a client: the message types (never {@code meta}, the server's own notices), how long a message may be (UTF-8 bytes), and how many messages a
 * history page holds when the caller does not say (and at most).
 */
public record ImPolicy(Set<String> messageTypes, int maxContentBytes, int defaultHistoryLimit, int maxHistoryLimit) {
    public static final Set<String> STANDARD_TYPES = Set.of("message", "typing", "money4_chat_attach_msg");
    public static final int DEFAULT_MAX_CONTENT_BYTES = 64 * 1024;
    public static final int DEFAULT_HISTORY_LIMIT = 20;
    public static final int DEFAULT_MAX_HISTORY_LIMIT = 200;

    public ImPolicy {
        messageTypes = Set.copyOf(Objects.requireNonNull(messageTypes, "messageTypes"));
        if (messageTypes.contains(MessageType.META.value())) {
            throw new IllegalArgumentException("meta messages are the server's own: no client may post them");
        }
        if (maxContentBytes < 1 || defaultHistoryLimit < 1 || maxHistoryLimit < defaultHistoryLimit) {
            throw new IllegalArgumentException("limits are positive and the cap is at least the default");
        }
    }

    public static ImPolicy defaults() {
        return new ImPolicy(STANDARD_TYPES, DEFAULT_MAX_CONTENT_BYTES, DEFAULT_HISTORY_LIMIT, DEFAULT_MAX_HISTORY_LIMIT);
    }

    /** The standard types plus {@code extraTypes}. */
    public ImPolicy withTypes(Set<String> extraTypes) {
        Set<String> all = new HashSet<>(STANDARD_TYPES);
        all.addAll(extraTypes);
        return new ImPolicy(all, maxContentBytes, defaultHistoryLimit, maxHistoryLimit);
    }

    /** How many messages a history page holds: what was asked, else the default, and never more than the cap. */
    public int pageSize(OptionalInt asked) {
        return Math.min(asked.orElse(defaultHistoryLimit), maxHistoryLimit);
    }
}
