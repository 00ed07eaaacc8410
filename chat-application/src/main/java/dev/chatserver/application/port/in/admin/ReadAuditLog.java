package dev.chatserver.application.port.in.admin;

/** The audit log, for administrators only. */
public interface ReadAuditLog {
    AuditPage read(ReadAuditCommand command);
}
