package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class JdbcSignInTokens implements SignInTokens {
    /** Bind parameters per statement stay well below what either database takes. */
    private static final int HASHES_PER_READ = 1_000;

    private final Jdbi jdbi;

    JdbcSignInTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void store(String tokenHash, UserId user, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate(
                        "insert into sign_in_tokens (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
                .bind("hash", tokenHash).bind("user", user.value()).bind("expires", expiresAt).execute());
    }

    @Override
    public Optional<UserId> holder(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select user_id from sign_in_tokens where token_hash = :hash and expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne().map(UserId::of));
    }

    @Override
    public void revoke(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("delete from sign_in_tokens where token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    @Override
    public Set<String> revokeAllOf(UserId user, String kept) {
        return jdbi.inTransaction(h -> {
            Set<String> revoked = new HashSet<>(h.createQuery("select token_hash from sign_in_tokens where user_id = :user")
                    .bind("user", user.value()).mapTo(String.class).list());
            revoked.remove(kept);
            if (!revoked.isEmpty()) {
                h.createUpdate("delete from sign_in_tokens where token_hash in (<hashes>)")
                        .bindList("hashes", List.copyOf(revoked)).execute();
            }
            return revoked;
        });
    }

    @Override
    public Set<String> liveAmong(Collection<String> tokenHashes, Instant now) {
        List<String> asked = List.copyOf(tokenHashes);
        Set<String> live = new HashSet<>();
        if (asked.isEmpty()) {
            return live;
        }
        jdbi.useHandle(h -> {
            for (int from = 0; from < asked.size(); from += HASHES_PER_READ) {
                live.addAll(h.createQuery(
                                "select token_hash from sign_in_tokens where token_hash in (<hashes>) and expires_at > :now")
                        .bindList("hashes", asked.subList(from, Math.min(asked.size(), from + HASHES_PER_READ)))
                        .bind("now", now).mapTo(String.class).list());
            }
        });
        return live;
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sign_in_tokens where expires_at <= :now")
                .bind("now", now).execute());
    }
}
