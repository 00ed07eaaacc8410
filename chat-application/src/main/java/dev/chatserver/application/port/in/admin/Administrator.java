package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/**
 * Who asks for an administrative change, and from which client address (null when there is no client): the
 * audit log keeps both. Whether the user may administer is the account's standing to decide.
 */
public record Administrator(UserId user, String clientAddress) {
    public static final int MAX_ADDRESS_LENGTH = 100;

    public Administrator {
        Objects.requireNonNull(user, "user");
        if (clientAddress != null && (clientAddress.isBlank() || clientAddress.length() > MAX_ADDRESS_LENGTH)) {
            throw new InvalidInput("clientAddress", "clientAddress has 1 to " + MAX_ADDRESS_LENGTH + " characters");
        }
    }
}
