package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.MailDraft;
import dev.chatserver.application.port.out.MailQueue;
import dev.chatserver.application.port.out.MailedSession;
import dev.chatserver.application.port.out.QueuedMail;
import dev.chatserver.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;
import static dev.chatserver.adapter.jdbc.SqlTime.utc;

/**
 * The mail queue in mail_queue (V63), shared by the nodes on PostgreSQL. A claim is one conditional update: the
 * rows it takes must still be unleased when it locks them, so of two nodes claiming at once each row goes to one
 * (PostgreSQL re-checks the condition on the row a concurrent claim changed).
 */
final class JdbcMailQueue implements MailQueue {
    private static final String DUE = """
            state = 'waiting' and not_before <= :now and (leased_until is null or leased_until < :now)""";

    private final Jdbi jdbi;

    JdbcMailQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int enqueue(List<MailDraft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> {
            PreparedBatch insert = h.prepareBatch("""
                    insert into mail_queue (user_id, session_id, read_pointer, up_to_message_id, recipient, subject,
                                            text_body, html_body, queued_at, not_before)
                    values (:user, :session, :pointer, :upTo, :to, :subject, :text, :html, :queued, :queued)
                    on conflict do nothing""");
            for (MailDraft d : drafts) {
                insert.bind("user", d.user().value()).bind("session", d.sessionId()).bind("pointer", d.readPointer())
                        .bind("upTo", d.upToMessageId()).bind("to", d.to()).bind("subject", d.subject())
                        .bind("text", d.text()).bind("html", d.html()).bind("queued", utc(d.queuedAt())).add();
            }
            int queued = 0;
            for (int count : insert.execute()) {
                queued += Math.max(count, 0);
            }
            return queued;
        });
    }

    @Override
    public List<MailedSession> mailedUpTo(Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select user_id, session_id, max(up_to_message_id) as up_to from mail_queue
                        where user_id = any(:users) group by user_id, session_id""")
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> new MailedSession(UserId.of(rs.getLong("user_id")), rs.getLong("session_id"),
                        rs.getLong("up_to")))
                .list());
    }

    @Override
    public Map<UserId, Integer> waitingFor(Collection<UserId> users) {
        Map<UserId, Integer> waiting = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return waiting;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select user_id, count(*) as waiting from mail_queue
                        where user_id = any(:users) and state = 'waiting' group by user_id""")
                .bindArray("users", Long.class, users.stream().map(UserId::value).distinct().toList())
                .map((rs, ctx) -> waiting.put(UserId.of(rs.getLong("user_id")), rs.getInt("waiting")))
                .list());
        return waiting;
    }

    @Override
    public List<QueuedMail> claim(Instant now, Duration lease, int limit) {
        String holder = UUID.randomUUID().toString();
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("update mail_queue set leased_until = :until, lease_holder = :holder"
                            + " where id in (select id from mail_queue where " + DUE + " order by id limit :limit)"
                            + " and " + DUE)
                    .bind("now", utc(now)).bind("until", utc(now.plus(lease))).bind("holder", holder)
                    .bind("limit", limit).execute();
            if (claimed == 0) {
                return List.<QueuedMail>of();
            }
            return h.createQuery("""
                            select id, user_id, session_id, read_pointer, up_to_message_id, recipient, subject, text_body,
                                   html_body, queued_at, failed_attempts
                            from mail_queue where lease_holder = :holder and state = 'waiting' order by id""")
                    .bind("holder", holder)
                    .map((rs, ctx) -> new QueuedMail(rs.getLong("id"), new MailDraft(UserId.of(rs.getLong("user_id")),
                            rs.getLong("session_id"), rs.getLong("read_pointer"), rs.getLong("up_to_message_id"),
                            rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                            rs.getString("html_body"), instant(rs, "queued_at")), rs.getInt("failed_attempts")))
                    .list();
        });
    }

    @Override
    public void sent(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update mail_queue set state = 'sent', done_at = :at, leased_until = null, lease_holder = null
                        where id = :id""")
                .bind("id", id).bind("at", utc(at)).execute());
    }

    @Override
    public void failed(long id, Instant retryAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update mail_queue set failed_attempts = failed_attempts + 1, not_before = :retry,
                        leased_until = null, lease_holder = null where id = :id""")
                .bind("id", id).bind("retry", utc(retryAt)).execute());
    }

    @Override
    public void gaveUp(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update mail_queue set state = 'gave_up', failed_attempts = failed_attempts + 1, done_at = :at,
                        leased_until = null, lease_holder = null where id = :id""")
                .bind("id", id).bind("at", utc(at)).execute());
    }
}
