package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;

/**
 * What a member has not read of a session: the messages stored after their read pointer ({@code seenMessageId},
 * 0 when they have seen nothing) that another member sent. Their own messages are never unread to them. Those
 * of them that mention the member ({@link ImMessage#mentions}) are their unread mentions.
 */
public record Unread(long sessionId, UserId member, long seenMessageId) {
    public Unread {
        Objects.requireNonNull(member, "member");
        if (seenMessageId < 0) {
            throw new IllegalArgumentException("a read pointer is 0 or a message id: " + seenMessageId);
        }
    }

    /** Whether {@code message} counts as unread for the member. */
    public boolean counts(ImMessage message) {
        return message.sessionId() == sessionId && message.id() > seenMessageId && !message.from().equals(member);
    }

    /** Whether {@code message} counts as an unread mention of the member. */
    public boolean mentions(ImMessage message) {
        return counts(message) && message.mentions().contains(member);
    }
}
