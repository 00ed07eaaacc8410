package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.SearchWords;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 a search walks the word table's key (word, message_id) backwards from the word's newest entry and stops
 * once it has the page: it reads about as many entries as it needs, not every message holding the word.
 */
class H2SearchPlanTest {
    private static final int SESSIONS = 400;
    private static final int MESSAGES_PER_SESSION = 50;

    private final JdbcStorage storage = H2TestDatabases.newStorage();
    private User lynx;

    @BeforeEach
    void messages() throws Exception {
        AccountRegistry registry = storage.ports().accounts();
        lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        User pangolin = registry.register(new NewUser(new Login("pangolin"), "Pangolin", ""), "h");
        storage.jdbi().useHandle(h -> {
            h.execute("""
                    insert into im_sessions (uuid, canonical_key, create_date)
                    select random_uuid(), 'k' || "X", current_timestamp from system_range(1, ?)""", SESSIONS);
            // every fourth session is lynx's (with ocelot), the others are ocelot's with pangolin
            h.execute("""
                    insert into im_session_members (session_id, user_id)
                    select s.id, u.id from im_sessions s, users u
                    where (mod(s.id, 4) = 0 and u.id in (?, ?)) or (mod(s.id, 4) <> 0 and u.id in (?, ?))""",
                    lynx.id().value(), ocelot.id().value(), ocelot.id().value(), pangolin.id().value());
            // "chatter" is in every message, "word7" in one in a thousand
            h.execute("""
                    insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                    select s.id, ?, 'message', 'chatter word' || mod(s.id * 100 + n."X", 1000) || ' and more',
                           current_timestamp
                    from im_sessions s, system_range(1, ?) n order by n."X", s.id""",
                    ocelot.id().value(), MESSAGES_PER_SESSION);
            MessageWords.fill(h.getConnection(), 0, false);
        });
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void a_search_for_a_word_in_every_message_reads_the_newest_entries_of_its_key_and_stops_at_the_page() {
        SearchWords words = new SearchWords(List.of("chatter"));

        String plan = explainAnalyze(words, 20);

        assertThat(plan).as(plan).containsIgnoringCase("IM_MESSAGE_WORDS_BY_WORD: WORD = ?")
                .containsIgnoringCase("index sorted");
        assertThat(scanCountOfWords(plan)).as(plan)
                .as("one of four sessions is lynx's: about 80 entries for 20 hits, of 20,000")
                .isLessThan(200);
        List<MessageSearch.FoundMessage> found = search(words, 20);
        assertThat(found).hasSize(20).allSatisfy(f -> assertThat(f.message().sessionId() % 4).isZero());
        assertThat(found).extracting(f -> f.message().id()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        long newestOfLynx = storage.jdbi().withHandle(h -> h.createQuery("""
                        select max(m.id) from im_messages m join im_session_members me on me.session_id = m.session_id
                        where me.user_id = ?""").bind(0, lynx.id().value()).mapTo(Long.class).one());
        assertThat(found.get(0).message().id()).isEqualTo(newestOfLynx);
    }

    @Test
    void a_search_for_two_words_walks_one_and_looks_the_other_up() {
        SearchWords words = new SearchWords(List.of("word7", "chatter"));

        String plan = explainAnalyze(words, 20);

        assertThat(plan).as(plan).containsIgnoringCase("IM_MESSAGE_WORDS_BY_WORD: WORD = ?")
                .containsIgnoringCase("index sorted")
                .containsIgnoringCase("MESSAGE_ID = W.MESSAGE_ID");
        List<MessageSearch.FoundMessage> found = search(words, 20);
        assertThat(found).isNotEmpty().allSatisfy(f -> {
            assertThat(f.message().content()).startsWith("chatter word7 ");
            assertThat(f.message().sessionId() % 4).isZero();
        });
    }

    @Test
    void a_page_further_back_starts_its_walk_at_last_id() {
        SearchWords words = new SearchWords(List.of("chatter"));
        long middle = storage.jdbi().withHandle(h -> h.createQuery("select max(id) / 2 from im_messages")
                .mapTo(Long.class).one());

        String plan = storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain analyze "
                    + JdbcMessageSearch.searchSql("h2", 1, false, true));
            JdbcMessageSearch.bind(explain, "h2", lynx.id(), words, OptionalLong.empty(), OptionalLong.of(middle), 20);
            return String.join("\n", explain.mapTo(String.class).list());
        });

        assertThat(plan.replaceAll("\\s+", " ")).as(plan)
                .containsIgnoringCase("im_message_words_by_word: message_id < ?3 AND word = ?1 */")
                .containsIgnoringCase("index sorted");
        assertThat(scanCountOfWords(plan)).as(plan).isLessThan(200);
        assertThat(storage.ports().messageSearch().search(lynx.id(), words, OptionalLong.empty(),
                OptionalLong.of(middle), 20)).hasSize(20).allSatisfy(f -> assertThat(f.message().id()).isLessThan(middle));
    }

    @Test
    void a_search_in_one_session_walks_that_sessions_entries_only() {
        SearchWords words = new SearchWords(List.of("chatter"));
        long session = storage.jdbi().withHandle(h -> h.createQuery("""
                        select max(m.session_id) from im_messages m join im_session_members me on me.session_id = m.session_id
                        where me.user_id = ?""").bind(0, lynx.id().value()).mapTo(Long.class).one());

        String plan = storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain analyze " + JdbcMessageSearch.searchSql("h2", 1, true, false));
            JdbcMessageSearch.bind(explain, "h2", lynx.id(), words, OptionalLong.of(session), OptionalLong.empty(), 20);
            return String.join("\n", explain.mapTo(String.class).list());
        });

        assertThat(plan).as(plan).containsIgnoringCase("IM_MESSAGE_WORDS_BY_SESSION").containsIgnoringCase("index sorted");
        assertThat(scanCountOfWords(plan)).as(plan).as("20 entries of the session for 20 hits").isLessThanOrEqualTo(21);
        assertThat(storage.ports().messageSearch().search(lynx.id(), words, OptionalLong.of(session), OptionalLong.empty(), 20))
                .hasSize(20).allSatisfy(f -> assertThat(f.message().sessionId()).isEqualTo(session))
                .extracting(f -> f.message().id()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    private List<MessageSearch.FoundMessage> search(SearchWords words, int limit) {
        return storage.ports().messageSearch()
                .search(lynx.id(), words, OptionalLong.empty(), OptionalLong.empty(), limit);
    }

    private String explainAnalyze(SearchWords words, int limit) {
        return storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain analyze "
                    + JdbcMessageSearch.searchSql("h2", words.words().size(), false, false));
            JdbcMessageSearch.bind(explain, "h2", lynx.id(), words, OptionalLong.empty(), OptionalLong.empty(), limit);
            return String.join("\n", explain.mapTo(String.class).list());
        });
    }

    /** The rows H2 read through the word table's key, as EXPLAIN ANALYZE reports them. */
    private static int scanCountOfWords(String plan) {
        var matcher = java.util.regex.Pattern.compile(
                "(?s)\"im_message_words\" \"w\"[^\n]*\n.*?\n    /\\* scanCount: (\\d+)").matcher(plan);
        if (!matcher.find()) {
            throw new AssertionError("no scan count of the word key in " + plan);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
