package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One administrator's change: who did it, when, from which client address (null when from the server itself),
 * the action ({@code user.disable}...), what it changed ({@code user:12}) and a detail for people.
 */
public record AuditEntry(long id, Instant at, UserId actor, String action, String target, String detail,
                         String clientAddress) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }
}
