package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.SearchWords;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a search reads the messages holding its words out of the GIN index on
 * {@code to_tsvector('simple', content)}, never by reading every message, and joins the searcher's memberships.
 */
class PostgresSearchPlanTest {
    private static final int SESSIONS = 400;
    private static final int MESSAGES_PER_SESSION = 100;

    private final DatabaseSettings settings = PostgresTestDatabases.newDatabase(2);
    private final JdbcStorage storage = JdbcStorage.open(settings);
    private User lynx;

    @BeforeEach
    void messages() {
        AccountRegistry registry = storage.ports().accounts();
        lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        User pangolin = registry.register(new NewUser(new Login("pangolin"), "Pangolin", ""), "h");
        storage.jdbi().useHandle(h -> {
            h.execute("""
                    insert into im_sessions (uuid, canonical_key, create_date)
                    select gen_random_uuid(), 'k' || g, now() from generate_series(1, ?) g""", SESSIONS);
            // every fourth session is lynx's (with ocelot), the others are ocelot's with pangolin
            h.execute("""
                    insert into im_session_members (session_id, user_id)
                    select s.id, u.id from im_sessions s, users u
                    where (s.id % 4 = 0 and u.id in (?, ?)) or (s.id % 4 <> 0 and u.id in (?, ?))""",
                    lynx.id().value(), ocelot.id().value(), ocelot.id().value(), pangolin.id().value());
            // a word of a thousand in each message: "word7" is in one message in a thousand
            h.execute("""
                    insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                    select s.id, ?, 'message', 'chatter word' || ((s.id * 100 + n) % 1000) || ' and more', now()
                    from im_sessions s, generate_series(1, ?) n order by n, s.id""",
                    ocelot.id().value(), MESSAGES_PER_SESSION);
            h.execute("analyze");
        });
    }

    @AfterEach
    void close() {
        storage.close();
        PostgresTestDatabases.drop(settings);
    }

    @Test
    void a_search_reads_its_words_out_of_the_gin_index() {
        SearchWords words = new SearchWords(List.of("word7"));

        String plan = explain(lynx.id(), words);

        assertThat(plan).as(plan).contains("Bitmap Index Scan on im_messages_words")
                .doesNotContain("Seq Scan on im_messages");
        List<MessageSearch.FoundMessage> found = storage.ports().messageSearch()
                .search(lynx.id(), words, OptionalLong.empty(), OptionalLong.empty(), 20);
        assertThat(found).isNotEmpty().allSatisfy(f -> {
            assertThat(f.message().content()).contains("word7 ");
            assertThat(f.message().sessionId() % 4).isZero();
        });
    }

    private String explain(UserId member, SearchWords words) {
        return storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain " + JdbcMessageSearch.searchSql("postgres", words.words().size(), false, false));
            JdbcMessageSearch.bind(explain, "postgres", member, words, OptionalLong.empty(), OptionalLong.empty(), 20);
            return String.join("\n", explain.mapTo(String.class).list());
        });
    }
}
