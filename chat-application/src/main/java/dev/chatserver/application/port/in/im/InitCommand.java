package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.OptionalInt;

/** The caller's contact list, names containing {@code name} (any case; empty matches all), at most {@code limit}. */
public record InitCommand(User caller, String name, OptionalInt limit) {
    public static final int MAX_NAME_LENGTH = 200;

    public InitCommand {
        Objects.requireNonNull(caller, "caller");
        if (name == null) {
            throw new InvalidInput("name", "name is required (empty matches every contact)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "name has at most " + MAX_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
    }

    /** Every contact whose name holds {@code name}, as many as the server's default. */
    public static InitCommand named(User caller, String name) {
        return new InitCommand(caller, name, OptionalInt.empty());
    }
}
