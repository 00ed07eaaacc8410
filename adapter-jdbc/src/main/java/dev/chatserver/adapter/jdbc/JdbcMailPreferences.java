package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.notify.SessionMute;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;
import static dev.chatserver.adapter.jdbc.SqlTime.utc;

/** Email choices in mail_preferences and mutes in session_mutes (V62). */
final class JdbcMailPreferences implements MailPreferences {
    private final Jdbi jdbi;

    JdbcMailPreferences(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void setEmail(UserId user, EmailChoice choice) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("update mail_preferences set email = :email where user_id = :user")
                    .bind("user", user.value()).bind("email", choice.wireName()).execute();
            if (updated == 0) {
                h.createUpdate("insert into mail_preferences (user_id, email) values (:user, :email) on conflict do nothing")
                        .bind("user", user.value()).bind("email", choice.wireName()).execute();
            }
        });
    }

    @Override
    public Map<UserId, EmailChoice> emailOf(Collection<UserId> users) {
        Map<UserId, EmailChoice> found = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("select user_id, email from mail_preferences where user_id = any(:users)")
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> found.put(UserId.of(rs.getLong("user_id")),
                        EmailChoice.parse("email", rs.getString("email"))))
                .list());
        return found;
    }

    @Override
    public void mute(SessionMute mute) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate(
                            "update session_mutes set until = :until where user_id = :user and session_id = :session")
                    .bind("user", mute.member().value()).bind("session", mute.sessionId())
                    .bind("until", utc(mute.until())).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into session_mutes (user_id, session_id, until) values (:user, :session, :until)
                                on conflict do nothing""")
                        .bind("user", mute.member().value()).bind("session", mute.sessionId())
                        .bind("until", utc(mute.until())).execute();
            }
        });
    }

    @Override
    public void unmute(UserId member, long sessionId) {
        jdbi.useHandle(h -> h.createUpdate("delete from session_mutes where user_id = :user and session_id = :session")
                .bind("user", member.value()).bind("session", sessionId).execute());
    }

    @Override
    public List<SessionMute> mutesOf(Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "select user_id, session_id, until from session_mutes where user_id = any(:users)")
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> new SessionMute(UserId.of(rs.getLong("user_id")), rs.getLong("session_id"),
                        instant(rs, "until")))
                .list());
    }
}
