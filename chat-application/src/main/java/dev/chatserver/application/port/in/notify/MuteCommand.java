package dev.chatserver.application.port.in.notify;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The caller mutes {@code session} until {@code until}, or unmutes it when there is none. */
public record MuteCommand(UserId caller, UUID session, Optional<Instant> until) {
    /** No mute lasts past this year, so a stored time always fits both databases. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public MuteCommand {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        Objects.requireNonNull(until, "until");
        if (until.isPresent() && until.get().isAfter(LATEST)) {
            throw new InvalidInput("until", "until must be before the year 10000");
        }
    }
}
