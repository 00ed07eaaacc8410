package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.OptionalLong;

/** A page of the audit log, newest first, below the entry id {@code before} (from the newest when empty). */
public record ReadAuditCommand(Administrator by, OptionalLong before, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ReadAuditCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(before, "before");
        if (before.isPresent() && before.getAsLong() < 1) {
            throw new InvalidInput("before", "before is an audit entry id");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is 1 to " + MAX_LIMIT);
        }
    }
}
