package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** A page of a session's history, newest first: below {@code last_ID} when given, at most {@code limit}. */
public record HistoryCommand(User caller, UUID session, OptionalLong lastId, OptionalInt limit) {
    public HistoryCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("uuid", "uuid is required");
        }
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(limit, "limit");
        if (lastId.isPresent() && lastId.getAsLong() <= 0) {
            throw new InvalidInput("last_ID", "last_ID is a positive message id");
        }
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
    }

    public static HistoryCommand of(User caller, String uuid, Long lastId, Long limit) {
        if (limit != null && (limit <= 0 || limit > Integer.MAX_VALUE)) {
            throw new InvalidInput("limit", "limit is a positive number");
        }
        return new HistoryCommand(caller, Params.session("uuid", uuid),
                lastId == null ? OptionalLong.empty() : OptionalLong.of(lastId),
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit.intValue()));
    }
}
