package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.ConnectionSightings;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;
import static dev.chatserver.adapter.jdbc.SqlTime.utc;

/** The last time each user was seen connected, in connection_sightings (V62), shared by the nodes. */
final class JdbcConnectionSightings implements ConnectionSightings {
    private final Jdbi jdbi;

    JdbcConnectionSightings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void seen(Collection<UserId> users, Instant at) {
        if (users.isEmpty()) {
            return;
        }
        List<Long> ids = users.stream().map(UserId::value).distinct().sorted().toList();
        jdbi.useTransaction(h -> {
            h.createUpdate("update connection_sightings set last_seen = :at where user_id = any(:users) and last_seen < :at")
                    .bindArray("users", Long.class, ids).bind("at", utc(at)).execute();
            Set<Long> known = new HashSet<>(h.createQuery(
                            "select user_id from connection_sightings where user_id = any(:users)")
                    .bindArray("users", Long.class, ids).mapTo(Long.class).list());
            if (known.size() == ids.size()) {
                return;
            }
            // the users never seen before, in one batch; a racing node's row is kept
            PreparedBatch insert = h.prepareBatch(
                    "insert into connection_sightings (user_id, last_seen) values (:user, :at) on conflict do nothing");
            ids.stream().filter(id -> !known.contains(id)).forEach(id -> insert.bind("user", id).bind("at", utc(at)).add());
            insert.execute();
        });
    }

    @Override
    public Map<UserId, Instant> lastSeen(Collection<UserId> users) {
        Map<UserId, Instant> found = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("select user_id, last_seen from connection_sightings where user_id = any(:users)")
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> found.put(UserId.of(rs.getLong("user_id")), instant(rs, "last_seen")))
                .list());
        return found;
    }
}
