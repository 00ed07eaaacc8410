package dev.chatserver.application.admin;

import dev.chatserver.application.port.in.admin.AuditPage;
import dev.chatserver.application.port.in.admin.ReadAuditCommand;
import dev.chatserver.application.port.in.admin.ReadAuditLog;
import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.application.port.out.AuditLog;
import jakarta.inject.Inject;

import java.util.List;
import java.util.OptionalLong;

public final class ReadAuditLogService implements ReadAuditLog {
    private final AdminActions actions;
    private final AuditLog audit;

    @Inject
    public ReadAuditLogService(AdminActions actions, AuditLog audit) {
        this.actions = actions;
        this.audit = audit;
    }

    @Override
    public AuditPage read(ReadAuditCommand command) {
        actions.administrator(command.by());
        List<AuditEntry> read = audit.newestFirst(command.before(), command.limit() + 1);
        if (read.size() <= command.limit()) {
            return new AuditPage(read, OptionalLong.empty());
        }
        List<AuditEntry> page = read.subList(0, command.limit());
        return new AuditPage(page, OptionalLong.of(page.get(page.size() - 1).id()));
    }
}
