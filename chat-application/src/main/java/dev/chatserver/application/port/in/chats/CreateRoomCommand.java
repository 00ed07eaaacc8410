package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.Names;

import java.util.Objects;

/** A tenant of the audience opens an event room that no chat has yet. */
public record CreateRoomCommand(AccountId by, String audience, JsonText tags) {
    public CreateRoomCommand {
        Objects.requireNonNull(by, "by");
        audience = Names.require("audience", audience);
        tags = JsonParameters.tags(tags);
    }
}
