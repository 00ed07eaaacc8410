package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller says a message of theirs differently; how long it may be is the server's configuration. */
public record EditMessageCommand(User caller, long messageId, String content) {
    public EditMessageCommand {
        Objects.requireNonNull(caller, "caller");
        if (messageId <= 0) {
            throw new InvalidInput("message_id", "message_id is a positive message id");
        }
        if (content == null) {
            throw new InvalidInput("message_content", "message_content is required");
        }
        if (content.isBlank()) {
            throw new InvalidInput("message_content", "message_content is not empty");
        }
    }

    public static EditMessageCommand of(User caller, Long messageId, String content) {
        return new EditMessageCommand(caller, Params.positive("message_id", messageId), content);
    }
}
