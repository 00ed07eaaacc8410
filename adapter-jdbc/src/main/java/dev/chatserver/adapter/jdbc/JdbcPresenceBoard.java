package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.presence.PresenceFacts;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
    public Map<UserId, PresenceFacts> merged(Collection<UserId> users, Instant connectionsFreshSince, String exceptNode) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<UserId, PresenceFacts> merged = new HashMap<>();
            h.createQuery("""
                            select user_id,
                                   sum(case when reported_at >= :fresh then connections else 0 end) as connections,
                                   max(last_poll) as last_poll, max(last_activity) as last_activity,
                                   max(reported_at) as reported_at
                            from presence_reports where user_id = any(:users) and node <> :except group by user_id""")
                    .bind("except", exceptNode)
                    .bind("fresh", Timestamp.from(connectionsFreshSince))
                    .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                    .map((rs, ctx) -> merged.put(UserId.of(rs.getLong("user_id")), new PresenceFacts(
                            rs.getInt("connections"), instant(rs.getTimestamp("last_poll")),
                            instant(rs.getTimestamp("last_activity")), instant(rs.getTimestamp("reported_at")))))
                    .list();
            return merged;
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
