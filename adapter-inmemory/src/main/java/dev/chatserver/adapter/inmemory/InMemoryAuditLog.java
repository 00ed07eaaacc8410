package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.application.port.out.AuditLog;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The audit log in memory, in the order entries were added. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(Instant at, UserId actor, String action, String target, String detail,
                                    String clientAddress) {
        entries.add(new AuditEntry(entries.size() + 1L, at, actor, action, target, detail, clientAddress));
    }

    @Override
    public synchronized List<AuditEntry> newestFirst(OptionalLong beforeId, int limit) {
        long before = beforeId.orElse(Long.MAX_VALUE);
        List<AuditEntry> page = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && page.size() < limit; i--) {
            if (entries.get(i).id() < before) {
                page.add(entries.get(i));
            }
        }
        return page;
    }
}
