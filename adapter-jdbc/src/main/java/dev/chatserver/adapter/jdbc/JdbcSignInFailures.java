package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.SignInFailures;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** One row per failure: failures inserted at once on several nodes all count, as no row is ever updated. */
final class JdbcSignInFailures implements SignInFailures {
    private final Jdbi jdbi;

    JdbcSignInFailures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(String subject, Instant failedAt) {
        jdbi.useHandle(h -> h.createUpdate("insert into sign_in_failures (subject, failed_at) values (:subject, :at)")
                .bind("subject", subject).bind("at", SqlTime.utc(failedAt)).execute());
    }

    @Override
    public List<Instant> recent(String subject, Instant after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select failed_at from sign_in_failures where subject = :subject and failed_at > :after
                        order by failed_at desc limit :limit""")
                .bind("subject", subject).bind("after", SqlTime.utc(after)).bind("limit", limit)
                .map((rs, ctx) -> SqlTime.instant(rs, "failed_at")).list());
    }

    @Override
    public void forget(String subject) {
        jdbi.useHandle(h -> h.createUpdate("delete from sign_in_failures where subject = :subject")
                .bind("subject", subject).execute());
    }

    @Override
    public int removeUpTo(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sign_in_failures where failed_at <= :cutoff")
                .bind("cutoff", SqlTime.utc(cutoff)).execute());
    }
}
