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
            throw new InvalidInput("message_id", "message_id is a positive message id");
        }
        if (emoji == null) {
            throw new InvalidInput("emoji", "emoji is required");
        }
    }

    public static ReactCommand of(User caller, Long messageId, String emoji) {
        return new ReactCommand(caller, Params.positive("message_id", messageId), new Emoji(emoji));
    }
}
