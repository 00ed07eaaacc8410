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
 * {@code idempotencyKey}, when given, is the caller's own key for a persistent event: a retry with the same key
 * into the same chat answers the first event (see {@link PostEvents}).
 */
public record PostEventCommand(AccountId by, ChatId chat, String type, String set, String label,
                               String attribute, JsonText data, boolean claim, boolean persistent,
                               String idempotencyKey) {
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 64;

    public PostEventCommand(AccountId by, ChatId chat, String type, String set, String label, String attribute,
                            JsonText data, boolean claim, boolean persistent) {
        this(by, chat, type, set, label, attribute, data, claim, persistent, null);
    }

    public PostEventCommand {
        Objects.requireNonNull(by, "by");
        if (chat == null) {
            throw new InvalidInput("chat", "chat is required");
        }
        type = Names.require("type", type);
        set = set == null ? type : Names.require("set", set);
        label = Names.optional("label", label);
        attribute = Names.optional("attribute", attribute);
        data = JsonParameters.data(data);
        if (idempotencyKey != null) {
            if (idempotencyKey.isEmpty()
                    || idempotencyKey.codePointCount(0, idempotencyKey.length()) > MAX_IDEMPOTENCY_KEY_LENGTH) {
                throw new InvalidInput("idempotencyKey",
                        "idempotencyKey has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
            }
            if (!persistent) {
                throw new InvalidInput("idempotencyKey",
                        "idempotencyKey is for a persistent event: a transient one is never kept");
            }
        }
    }
}
