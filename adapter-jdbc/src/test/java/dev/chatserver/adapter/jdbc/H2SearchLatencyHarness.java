package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: a measurement, run only when asked ({@code -Dsearch.harness.sessions=10000}, 100 messages each by
 * default: the benchmark's store of a million). It builds the benchmark's history store in an H2 file as
 * {@code LoadData} does (rows inserted by statement, then {@link MessageWords#fill}), then times one client's
 * searches for the loader's words (each in about one message in 500, a page of 20) through the use case, in
 * process. Prints the timings; asserts only that every search found a page.
 */
@EnabledIfSystemProperty(named = "search.harness.sessions", matches = "\\d+")
class H2SearchLatencyHarness {
    private static final int TOPICS = 1000;

    @TempDir
    Path directory;

    @Test
    void search_latency_on_the_benchmarks_store() throws Exception {
        int sessions = Integer.getInteger("search.harness.sessions");
        int perSession = Integer.getInteger("search.harness.messages", 100);
        int searches = Integer.getInteger("search.harness.searches", 3000);
        try (JdbcStorage storage = JdbcStorage.open(DatabaseSettings.h2File(directory, 4));
             ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC())) {
            AccountRegistry registry = storage.ports().accounts();
            User reader = registry.register(new NewUser(new Login("reader"), "Reader", ""), "h");
            User writer = registry.register(new NewUser(new Login("writer"), "Writer", ""), "h");
            long start = System.nanoTime();
            storage.jdbi().useHandle(h -> {
                h.execute("""
                        insert into im_sessions (uuid, canonical_key, create_date)
                        select random_uuid(), 'k' || "X", current_timestamp from system_range(1, ?)""", sessions);
                h.execute("""
                        insert into im_session_members (session_id, user_id)
                        select s.id, u.id from im_sessions s, users u where u.id in (?, ?)""",
                        reader.id().value(), writer.id().value());
                for (int n = 0; n < perSession; n++) {
                    h.execute("""
                            insert into im_messages (session_id, from_user_id, message_type, content, create_date)
                            select s.id, ?, 'message', concat(?, ' ', concat('topic', mod(s.id * 31 + ? * 17, 1000)),
                                   ' ', concat('topic', mod((s.id + 500) * 31 + (? + 7) * 17, 1000))), current_timestamp
                            from im_sessions s order by s.id""",
                            writer.id().value(), "benchmark history message " + n, n, n);
                }
            });
            long inserted = System.nanoTime();
            storage.jdbi().useHandle(h -> {
                Connection connection = h.getConnection();
                connection.setAutoCommit(false);
                MessageWords.fill(connection, 0, true);
                connection.setAutoCommit(true);
            });
            long indexed = System.nanoTime();
            System.out.printf("store: %d messages inserted in %.1f s, their words indexed in %.1f s%n",
                    (long) sessions * perSession, (inserted - start) / 1e9, (indexed - inserted) / 1e9);

            for (int i = 0; i < 500; i++) {
                im.search.search(SearchCommand.of(reader, "topic" + (i % TOPICS), Optional.empty(), OptionalLong.empty(), OptionalInt.of(20)));
            }
            long[] nanos = new long[searches];
            for (int i = 0; i < searches; i++) {
                SearchCommand command = SearchCommand.of(reader, "topic" + ((i * 7) % TOPICS), Optional.empty(), OptionalLong.empty(), OptionalInt.of(20));
                long before = System.nanoTime();
                int found = im.search.search(command).size();
                nanos[i] = System.nanoTime() - before;
                assertThat(found).isEqualTo(20);
            }
            Arrays.sort(nanos);
            System.out.printf("search, one client, %d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    searches, nanos[searches / 2] / 1e6, nanos[searches * 9 / 10] / 1e6,
                    nanos[searches * 99 / 100] / 1e6, nanos[searches - 1] / 1e6);
            long two = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                assertThat(im.search.search(SearchCommand.of(reader, "topic" + i + " history", Optional.empty(), OptionalLong.empty(), OptionalInt.of(20))))
                        .hasSize(20);
            }
            System.out.printf("search for two words, 500 searches: %.2f ms on average%n",
                    (System.nanoTime() - two) / 1e6 / 500);
            long common = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertThat(im.search.search(SearchCommand.of(reader, "benchmark", Optional.empty(), OptionalLong.empty(), OptionalInt.of(20)))).hasSize(20);
            }
            System.out.printf("search for a word in every message, 200 searches: %.2f ms on average%n",
                    (System.nanoTime() - common) / 1e6 / 200);
        }
    }
}
