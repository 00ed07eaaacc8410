package dev.chatserver.application.port.out;

import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** What administrators did, when and from where: written in the unit of work of the change, never changed. */
public interface AuditLog {
    void record(Instant at, UserId actor, String action, String target, String detail, String clientAddress);

    /** Up to {@code limit} entries below the id {@code beforeId} (all when empty), newest first, in one read. */
    List<AuditEntry> newestFirst(OptionalLong beforeId, int limit);
}
