package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller takes back a message of theirs. */
public record DeleteMessageCommand(User caller, long messageId) {
    public DeleteMessageCommand {
        Objects.requireNonNull(caller, "caller");
        if (messageId <= 0) {
            throw new InvalidInput("messageId", "messageId is a positive message id");
        }
    }
}
