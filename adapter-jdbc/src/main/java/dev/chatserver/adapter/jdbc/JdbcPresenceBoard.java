package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;
import org.jdbi.v3.core.Jdbi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The presence board shared by every node on one database. Each (user, node) row has one writer: that node. */
public final class JdbcPresenceBoard implements PresenceBoard {
    private final Jdbi jdbi;

    JdbcPresenceBoard(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void report(String node, UserId user, PresenceFacts facts) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                            update presence_reports set connections = :connections, last_poll = :poll,
                            last_activity = :activity, reported_at = :reported where user_id = :user and node = :node""")
                    .bindMap(values(node, user, facts)).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into presence_reports (user_id, node, connections, last_poll, last_activity, reported_at)
                                values (:user, :node, :connections, :poll, :activity, :reported)""")
                        .bindMap(values(node, user, facts)).execute();
            }
        });
    }

    private static Map<String, Object> values(String node, UserId user, PresenceFacts facts) {
        Map<String, Object> values = new HashMap<>();
        values.put("user", user.value());
        values.put("node", node);
        values.put("connections", facts.connections());
        values.put("poll", timestamp(facts.lastPoll()));
        values.put("activity", timestamp(facts.lastActivity()));
        values.put("reported", timestamp(facts.reportedAt()));
        return values;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public void forget(String node, UserId user) {
        jdbi.useHandle(h -> h.createUpdate("delete from presence_reports where user_id = :user and node = :node")
                .bind("user", user.value()).bind("node", node).execute());
    }

    @Override
    public List<NodeReport> reports(Collection<UserId> users, String exceptNode) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select user_id, node, connections, last_poll, last_activity, reported_at
                        from presence_reports where user_id = any(:users) and node <> :except""")
                .bind("except", exceptNode)
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> new NodeReport(rs.getString("node"), UserId.of(rs.getLong("user_id")),
                        new PresenceFacts(rs.getInt("connections"), instant(rs.getTimestamp("last_poll")),
                                instant(rs.getTimestamp("last_activity")), instant(rs.getTimestamp("reported_at")))))
                .list());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
