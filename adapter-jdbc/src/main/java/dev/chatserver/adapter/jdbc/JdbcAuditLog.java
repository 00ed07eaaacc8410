package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.application.port.out.AuditLog;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** The audit log in the table {@code admin_audit}, only ever added to. */
final class JdbcAuditLog implements AuditLog {
    private final Jdbi jdbi;

    JdbcAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(Instant at, UserId actor, String action, String target, String detail, String clientAddress) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into admin_audit (occurred_at, actor_id, action, target, detail, client_address)
                        values (:at, :actor, :action, :target, :detail, :address)""")
                .bind("at", SqlTime.utc(at)).bind("actor", actor.value()).bind("action", action)
                .bind("target", target).bind("detail", detail).bind("address", clientAddress).execute());
    }

    @Override
    public List<AuditEntry> newestFirst(OptionalLong beforeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, occurred_at, actor_id, action, target, detail, client_address from admin_audit
                        where id < :before order by id desc limit :limit""")
                .bind("before", beforeId.orElse(Long.MAX_VALUE)).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"),
                        UserId.of(rs.getLong("actor_id")), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail"), rs.getString("client_address")))
                .list());
    }
}
