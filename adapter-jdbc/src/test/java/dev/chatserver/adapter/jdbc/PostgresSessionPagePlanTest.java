package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, a page of a member's sessions walks the (user_id, session_id) index backwards from before_id and
 * stops at the limit, and the page's sessions are read by key: no scan of the member's other sessions or of anyone else's.
 */
class PostgresSessionPagePlanTest {
    private static final int SESSIONS_OF_LYNX = 3_000;

    private final DatabaseSettings settings = PostgresTestDatabases.newDatabase(2);
    private final JdbcStorage storage = JdbcStorage.open(settings);
    private User lynx;

    @BeforeEach
    void sessions() {
        AccountRegistry registry = storage.ports().accounts();
        lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        User pangolin = registry.register(new NewUser(new Login("pangolin"), "Pangolin", ""), "h");
        storage.jdbi().useHandle(h -> {
            // every eighth session is lynx's (with ocelot), the others are ocelot's with pangolin
            h.execute("""
                    insert into im_sessions (uuid, canonical_key, create_date)
                    select gen_random_uuid(), 'k' || g, now() from generate_series(1, ?) g""", SESSIONS_OF_LYNX * 8);
            h.execute("""
                    insert into im_session_members (session_id, user_id)
                    select s.id, u.id from im_sessions s, users u
                    where (s.id % 8 = 0 and u.id in (?, ?)) or (s.id % 8 <> 0 and u.id in (?, ?))""",
                    lynx.id().value(), ocelot.id().value(), ocelot.id().value(), pangolin.id().value());
            h.execute("analyze");
        });
    }

    @AfterEach
    void close() {
        storage.close();
        PostgresTestDatabases.drop(settings);
    }

    @Test
    void a_page_of_sessions_is_a_backward_index_scan_that_stops_at_the_limit() {
        SessionQuery page = SessionQuery.privateSessions().page(OptionalLong.of(16_001), OptionalInt.of(50));

        String plan = explain(page, lynx.id());

        assertThat(plan).as(plan).containsPattern("Index (Only )?Scan Backward using im_session_members_by_user")
                .contains("Limit").doesNotContain("Seq Scan on im_session_members").doesNotContain("Seq Scan on im_sessions");
        List<ImSession> found = storage.ports().imSessions().sessionsOf(lynx.id(), page);
        assertThat(found).hasSize(50).allSatisfy(s -> assertThat(s.members()).hasSize(2));
        assertThat(found.get(0).id()).isEqualTo(16_000);
        assertThat(found.get(49).id()).isEqualTo(16_000 - 49 * 8);
    }

    private String explain(SessionQuery query, UserId member) {
        return storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain " + JdbcImStore.sessionsOfSql(query));
            JdbcImStore.bindPage(explain, member, query);
            return String.join("\n", explain.mapTo(String.class).list());
        });
    }
}
