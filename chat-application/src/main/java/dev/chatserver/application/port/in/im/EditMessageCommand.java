package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller says a message of theirs differently; how long it may be is the server's configuration. */
public record EditMessageCommand(User caller, long messageId, String content) {
    public EditMessageCommand {
        Objects.requireNonNull(caller, "caller");
        if (messageId <= 0) {
            throw new InvalidInput("messageId", "messageId is a positive message id");
        }
        if (content == null) {
            throw new InvalidInput("content", "content is required");
        }
        if (content.isBlank()) {
            throw new InvalidInput("content", "content is not empty");
        }
    }
}
