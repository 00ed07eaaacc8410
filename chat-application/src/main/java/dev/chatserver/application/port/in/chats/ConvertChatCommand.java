package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** A tenant of the audience creates a chat on an event room that exists already. */
public record ConvertChatCommand(AccountId by, ChatKey key, JsonText tags, RoomId eventRoom) {
    public ConvertChatCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(key, "key");
        tags = JsonParameters.tags(tags);
        if (eventRoom == null) {
            throw new InvalidInput("eventRoom", "eventRoom is required");
        }
    }

    public static ConvertChatCommand of(AccountId by, String audience, String scope, JsonText tags, RoomId eventRoom) {
        return new ConvertChatCommand(by, new ChatKey(audience, scope), tags, eventRoom);
    }
}
