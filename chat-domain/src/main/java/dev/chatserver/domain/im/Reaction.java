package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;

/** One member's reaction to one message. A member reacts with an emoji once at most. */
public record Reaction(long messageId, UserId user, Emoji emoji) {
    public Reaction {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(emoji, "emoji");
    }
}
