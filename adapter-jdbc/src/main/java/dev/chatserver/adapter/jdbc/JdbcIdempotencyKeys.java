package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.IdempotencyKeys;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One row per key; its primary key refuses a second first answer, whichever node tries. */
final class JdbcIdempotencyKeys implements IdempotencyKeys {
    private final Jdbi jdbi;

    JdbcIdempotencyKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Kept> find(Collection<Key> keys) {
        List<Key> wanted = keys.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(
                "select scope, client_key, answer, kept_at from idempotency_keys where (scope, client_key) in (");
        for (int i = 0; i < wanted.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:scope").append(i).append(", :key").append(i).append(')');
        }
        sql.append(')');
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            for (int i = 0; i < wanted.size(); i++) {
                query.bind("scope" + i, wanted.get(i).scope()).bind("key" + i, wanted.get(i).clientKey());
            }
            return query.map((rs, ctx) -> new Kept(new Key(rs.getString("scope"), rs.getString("client_key")),
                    rs.getString("answer"), SqlTime.instant(rs, "kept_at"))).list();
        });
    }

    @Override
    public void keep(Collection<Kept> answers) {
        if (answers.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    insert into idempotency_keys (scope, client_key, answer, kept_at)
                    values (:scope, :key, :answer, :at)""");
            answers.forEach(kept -> batch.bind("scope", kept.key().scope()).bind("key", kept.key().clientKey())
                    .bind("answer", kept.answer()).bind("at", SqlTime.utc(kept.keptAt())).add());
            batch.execute();
        });
    }

    @Override
    public void forget(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("delete from idempotency_keys where scope = :scope and client_key = :key");
            keys.forEach(key -> batch.bind("scope", key.scope()).bind("key", key.clientKey()).add());
            batch.execute();
        });
    }

    @Override
    public int removeUpTo(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("delete from idempotency_keys where kept_at <= :cutoff")
                .bind("cutoff", SqlTime.utc(cutoff)).execute());
    }
}
