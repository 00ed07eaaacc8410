package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.im.Unread;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, the unread counts of a listing are one query for all its sessions, and each count walks
 * im_messages_by_session from the read pointer: it reads only the unread messages' rows.
 */
class PostgresUnreadCountTest {
    private static final int SESSIONS = 200;

    private final DatabaseSettings settings = PostgresTestDatabases.newDatabase(2);
    private final JdbcStorage storage = JdbcStorage.open(settings);
    private final ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC());
    private User lynx;
    private User ocelot;

    @BeforeEach
    void sessions() {
        AccountRegistry registry = storage.ports().accounts();
        lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        storage.jdbi().useHandle(h -> {
            // lynx has SESSIONS private-like sessions with ocelot; in session k ocelot wrote k % 7 messages and lynx one
            h.execute("""
                    insert into im_sessions (uuid, canonical_key, create_date)
                    select gen_random_uuid(), 'k' || g, now() from generate_series(1, ?) g""", SESSIONS);
            h.execute("""
                    insert into im_session_members (session_id, user_id) select s.id, u.id from im_sessions s, users u""");
            h.execute("""
                    insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                    select s.id, ?, 'message', 'm', now() from im_sessions s, generate_series(1, 6) g
                    where g <= s.id % 7""", ocelot.id().value());
            h.execute("""
                    insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                    select s.id, ?, 'message', 'mine', now() from im_sessions s""", lynx.id().value());
            h.execute("vacuum analyze");
        });
    }

    @AfterEach
    void close() {
        im.close();
        storage.close();
        PostgresTestDatabases.drop(settings);
    }

    @Test
    void a_listing_counts_every_session_in_one_query_and_exactly() {
        AtomicInteger counts = new AtomicInteger();
        storage.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (context.getRenderedSql().contains("count(*)")) {
                    counts.incrementAndGet();
                }
            }
        });

        List<SessionView> listed = im.listSessions.privateSessions(ListSessionsCommand.all(lynx));

        assertThat(counts.get()).as("one counting query for " + SESSIONS + " sessions").isEqualTo(1);
        assertThat(listed).hasSize(SESSIONS).allSatisfy(s -> assertThat(s.unreadCount()).hasValue(s.id() % 7));
    }

    @Test
    void each_count_walks_the_index_from_the_pointer_without_reading_rows() {
        List<Unread> unread = storage.jdbi().withHandle(h -> h.createQuery("select id from im_sessions order by id")
                .mapTo(Long.class).list()).stream().map(id -> new Unread(id, lynx.id(), 0)).toList();

        String plan = storage.jdbi().withHandle(h -> String.join("\n", h.createQuery("""
                        explain select (select count(*) from im_messages m
                                        where m.session_id = q.s and m.id > q.seen and m.from_user_id <> q.reader)
                        from unnest(:sessions, :seen, :readers) with ordinality as q(s, seen, reader, n)""")
                .bindArray("sessions", Long.class, unread.stream().map(Unread::sessionId).toList())
                .bindArray("seen", Long.class, unread.stream().map(Unread::seenMessageId).toList())
                .bindArray("readers", Long.class, unread.stream().map(u -> u.member().value()).toList())
                .mapTo(String.class).list()));

        assertThat(plan).containsPattern("Index (Only )?Scan using im_messages_by_session").doesNotContain("Seq Scan");
        assertThat(storage.ports().imMessages().countUnread(unread)).hasSize(SESSIONS);
    }
}
