package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller asks for their private session with the user {@code userTo}, about a document or not. That it is
 * another user than the caller is the session's own rule ({@code NewSession.privateBetween}).
 */
public record OpenSessionCommand(User caller, UserId userTo, Optional<DocumentRef> document) {
    public OpenSessionCommand {
        Objects.requireNonNull(caller, "caller");
        if (userTo == null) {
            throw new InvalidInput("userTo", "userTo is required");
        }
        Objects.requireNonNull(document, "document");
    }

    /** The private session with {@code userTo} about no document. */
    public static OpenSessionCommand of(User caller, UserId userTo) {
        return new OpenSessionCommand(caller, userTo, Optional.empty());
    }
}
