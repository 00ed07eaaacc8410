package dev.chatserver.domain.chats;

import java.util.Objects;
import java.util.UUID;

public record ChatId(UUID value) {
    public ChatId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
