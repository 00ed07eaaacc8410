package dev.chatserver.adapter.jdbc;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL too, a history page walks the (session_id, id) index and sorts nothing, however long the session. */
class PostgresHistoryPlanTest {
    private final DatabaseSettings settings = PostgresTestDatabases.newDatabase(2);
    private final JdbcStorage storage = JdbcStorage.open(settings);

    @AfterEach
    void close() {
        storage.close();
        PostgresTestDatabases.drop(settings);
    }

    @Test
    void a_history_page_is_an_index_scan_without_a_sort() {
        User lynx = storage.ports().accounts().register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = storage.ports().accounts().register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        ImSession session = null;
        for (int i = 0; i < 20; i++) {
            session = storage.ports().imSessions().findOrCreate(new NewSession(
                    SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.of(new DocumentRef("doc", "" + i))),
                    UUID.randomUUID(), Instant.now(), Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        }
        long sessionId = session.id();
        storage.jdbi().useHandle(h -> {
            h.execute("""
                    insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                    select s.id, ?, 'message', 'm' || g, now() from im_sessions s, generate_series(1, 5000) g""",
                    lynx.id().value());
            h.execute("analyze im_messages");
        });

        List<String> plan = storage.jdbi().withHandle(h -> h.createQuery("""
                        explain select id, session_id, from_user_id, message_type, content, create_date from im_messages
                        where session_id = :s and id < :before order by session_id desc, id desc limit 20""")
                .bind("s", sessionId).bind("before", Long.MAX_VALUE).mapTo(String.class).list());

        String text = String.join("\n", plan);
        assertThat(text).as(text).contains("Index Scan Backward using im_messages_by_session").doesNotContain("Sort");
    }
}
