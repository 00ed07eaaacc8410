package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SearchWords;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** H2's word table across restarts and the migration to it (V37) from H2's native full-text index (V35). */
class H2MessageWordsTest {
    @TempDir
    Path directory;

    @Test
    void a_word_first_written_by_a_rolled_back_transaction_is_found_after_a_restart() {
        DatabaseSettings settings = DatabaseSettings.h2File(directory, 2);
        long kept;
        UserId ocelot;
        try (JdbcStorage storage = JdbcStorage.open(settings)) {
            AccountRegistry registry = storage.ports().accounts();
            User lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
            ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h").id();
            ImSession session = storage.ports().imSessions().findOrCreate(NewSession.privateBetween(
                    lynx.id(), ocelot, Optional.empty(), UUID.randomUUID(), Instant.EPOCH));
            ImMessages messages = storage.ports().imMessages();
            Transactions transactions = storage.ports().transactions();
            ImMessage quinces = ImMessage.unsaved(session.id(),
                    PostDraft.plain(lynx.id(), new MessageType("message"), "quinces"), Instant.EPOCH);
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                messages.append(quinces);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            kept = transactions.inTransaction(() -> messages.append(quinces)).id();
            assertThat(found(storage, ocelot, "quinces")).containsExactly(kept);
        }
        try (JdbcStorage storage = JdbcStorage.open(settings)) {
            assertThat(found(storage, ocelot, "quinces")).containsExactly(kept);
        }
    }

    @Test
    void migrating_a_store_indexed_by_h2s_full_text_fills_the_word_table_and_drops_the_native_index()
            throws Exception {
        DatabaseSettings settings = DatabaseSettings.h2File(directory, 2);
        Migrations.of(Flyway.configure().dataSource(settings.url(), settings.user(), settings.password()), "h2")
                .target("35").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement sql = connection.createStatement()) {
            sql.execute("insert into partners (id, name) values (1, 'Lynx'), (2, 'Ocelot'), (3, 'Pangolin')");
            sql.execute("""
                    insert into users (id, login, name, email, partner_id, password_hash)
                    values (1, 'lynx', 'Lynx', '', 1, 'h'), (2, 'ocelot', 'Ocelot', '', 2, 'h'),
                           (3, 'pangolin', 'Pangolin', '', 3, 'h')""");
            sql.execute("""
                    insert into im_sessions (id, uuid, canonical_key, create_date)
                    values (1, random_uuid(), 'a', current_timestamp), (2, random_uuid(), 'b', current_timestamp)""");
            sql.execute("insert into im_session_members (session_id, user_id) values (1, 1), (1, 2), (2, 2), (2, 3)");
            sql.execute("""
                    insert into im_messages (id, session_id, from_user_id, message_type, content, create_date)
                    values (1, 1, 1, 'message', 'Ripe PEARS, ripe plums', current_timestamp),
                           (2, 1, 2, 'message', 'pears-and-apples!', current_timestamp),
                           (3, 2, 3, 'message', 'pears elsewhere', current_timestamp),
                           (4, 1, 2, 'message', '', current_timestamp)""");
        }

        try (JdbcStorage storage = JdbcStorage.open(settings)) {
            assertThat(found(storage, UserId.of(1), "pears")).containsExactly(2L, 1L);
            assertThat(found(storage, UserId.of(1), "ripe plums")).containsExactly(1L);
            assertThat(found(storage, UserId.of(2), "pears")).containsExactly(3L, 2L, 1L);
            assertThat(found(storage, UserId.of(3), "apples")).isEmpty();
            List<String> wordsOfFirst = storage.jdbi().withHandle(h -> h.createQuery(
                    "select word from im_message_words where message_id = 1 order by word").mapTo(String.class).list());
            assertThat(wordsOfFirst).containsExactly("pears", "plums", "ripe");
            long traces = storage.jdbi().withHandle(h -> h.createQuery("""
                    select (select count(*) from information_schema.schemata where lower(schema_name) = 'ft')
                         + (select count(*) from information_schema.triggers)
                         + (select count(*) from information_schema.routines where lower(routine_name) like 'ft_%')""")
                    .mapTo(Long.class).one());
            assertThat(traces).as("no trace of the native index").isZero();
        }
    }

    private static List<Long> found(JdbcStorage storage, UserId member, String query) {
        return storage.ports().messageSearch().search(member, new SearchWords(SearchWords.wordsOf(query)),
                OptionalLong.empty(), OptionalLong.empty(), 20).stream().map(f -> f.message().id()).toList();
    }
}
