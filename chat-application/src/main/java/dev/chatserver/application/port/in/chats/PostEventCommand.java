package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.Names;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/**
 * An event for the room of a chat. {@code set} defaults to {@code type}; a claim is also pushed to the tenant
 * of the audience; a transient event ({@code persistent} false) is pushed but never stored.
 */
public record PostEventCommand(AccountId by, ChatId chat, String type, String set, String label,
                               String attribute, JsonText data, boolean claim, boolean persistent) {
    public PostEventCommand {
        Objects.requireNonNull(by, "by");
        if (chat == null) {
            throw new InvalidInput("chat_id", "chat_id is required");
        }
        type = Names.require("type", type);
        set = set == null ? type : Names.require("set", set);
        label = Names.optional("label", label);
        attribute = Names.optional("attribute", attribute);
        data = JsonParameters.data(data);
    }
}
