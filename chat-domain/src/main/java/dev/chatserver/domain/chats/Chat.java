package dev.chatserver.domain.chats;

import java.time.Instant;
import java.util.Objects;

/** A chat of a tenant's audience, named by its scope there, backed by one event room. */
public record Chat(ChatId id, ChatKey key, JsonText tags, Instant createdAt, RoomId roomId) {
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(roomId, "roomId");
    }

    public String audience() {
        return key.audience();
    }

    public String scope() {
        return key.scope();
    }
}
