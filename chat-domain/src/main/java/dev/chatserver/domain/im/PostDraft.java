package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;

/** A post as its sender makes it, before its session decides on it: who says what. */
public record PostDraft(UserId sender, MessageType type, String content) {
    public PostDraft {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }
}
