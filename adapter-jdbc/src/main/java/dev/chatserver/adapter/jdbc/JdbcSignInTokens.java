package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

final class JdbcSignInTokens implements SignInTokens {
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
    public int removeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sign_in_tokens where expires_at <= :now")
                .bind("now", now).execute());
    }
}
