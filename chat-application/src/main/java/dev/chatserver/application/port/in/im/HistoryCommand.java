package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** A page of a session's history, newest first: below message {@code lastId} when given, at most {@code limit}. */
public record HistoryCommand(User caller, UUID session, OptionalLong lastId, OptionalInt limit) {
    public HistoryCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(limit, "limit");
        if (lastId.isPresent() && lastId.getAsLong() <= 0) {
            throw new InvalidInput("lastId", "lastId is a positive message id");
        }
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
    }

    /** The newest page, as long as the server's default. */
    public static HistoryCommand newest(User caller, UUID session) {
        return new HistoryCommand(caller, session, OptionalLong.empty(), OptionalInt.empty());
    }
}
