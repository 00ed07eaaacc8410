package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.view.AuditEntry;

import java.util.List;
import java.util.OptionalLong;

/** Audit entries newest first and, when older ones may follow, the {@code before} of the next page. */
public record AuditPage(List<AuditEntry> entries, OptionalLong nextBefore) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
