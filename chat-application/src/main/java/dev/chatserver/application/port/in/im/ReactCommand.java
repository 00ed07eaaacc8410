package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** The caller toggles their reaction with {@code emoji} to a message. */
public record ReactCommand(User caller, long messageId, Emoji emoji) {
    public ReactCommand {
        Objects.requireNonNull(caller, "caller");
        if (messageId <= 0) {
            throw new InvalidInput("messageId", "messageId is a positive message id");
        }
        if (emoji == null) {
            throw new InvalidInput("emoji", "emoji is required");
        }
    }
}
