package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.UUID;

/**
 * A member of an IM session reacted to a message with an emoji ({@code reacted}) or took that reaction back;
 * {@code count} is how many members react to it with that emoji now.
 */
public record ReactionToggled(UUID sessionUuid, long messageId, UserId user, String emoji, boolean reacted, int count)
        implements DomainEvent {
    public ReactionToggled {
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(emoji, "emoji");
        if (count < 0) {
            throw new IllegalArgumentException("count is 0 or more");
        }
    }

    @Override
    public int textLength() {
        return emoji.length();
    }
}
