package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.UUID;

/** The caller has read session {@code uuid} up to message {@code message_id}. */
public record MarkReadCommand(User caller, UUID session, long messageId) {
    public MarkReadCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("uuid", "uuid is required");
        }
        if (messageId <= 0) {
            throw new InvalidInput("message_id", "message_id is a positive message id");
        }
    }

    public static MarkReadCommand of(User caller, String uuid, Long messageId) {
        return new MarkReadCommand(caller, Params.session("uuid", uuid), Params.positive("message_id", messageId));
    }
}
