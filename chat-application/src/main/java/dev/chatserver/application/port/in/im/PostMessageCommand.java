package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/**
 * The caller says something in a session. The content is not empty; how long it may be and which types are
 * accepted is the server's configuration, checked by the service.
 */
public record PostMessageCommand(User caller, UUID session, MessageType type, String content) {
    public PostMessageCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("uuid", "uuid is required");
        }
        if (type == null) {
            throw new InvalidInput("message_type", "message_type is required");
        }
        if (content == null) {
            throw new InvalidInput("message_content", "message_content is required");
        }
        if (content.isBlank()) {
            throw new InvalidInput("message_content", "message_content is not empty");
        }
    }

    public static PostMessageCommand of(User caller, String uuid, String messageType, String messageContent) {
        return new PostMessageCommand(caller, Params.session("uuid", uuid),
                new MessageType(Params.required("message_type", messageType)), messageContent);
    }
}
