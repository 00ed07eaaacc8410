package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.JsonText;

import java.util.Objects;

/** A tenant of the audience creates a chat and the room behind it; no tags are an empty object. */
public record CreateChatCommand(AccountId by, ChatKey key, JsonText tags) {
    public CreateChatCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(key, "key");
        tags = JsonParameters.tags(tags);
    }

    public static CreateChatCommand of(AccountId by, String audience, String scope, JsonText tags) {
        return new CreateChatCommand(by, new ChatKey(audience, scope), tags);
    }
}
