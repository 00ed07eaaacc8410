package dev.chatserver.application.port.in.view;

import java.util.Objects;

/** How many members reacted to a message with one emoji, and whether the one who reads is among them. */
public record ReactionCount(String emoji, int count, boolean me) {
    public ReactionCount {
        Objects.requireNonNull(emoji, "emoji");
        if (count < 1) {
            throw new IllegalArgumentException("a reaction shown has at least one member behind it");
        }
    }
}
