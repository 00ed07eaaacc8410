package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SearchWords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The full-text index follows every change of a message, in the transaction that makes it: a batch of inserts, an
 * edit, a deletion (the tombstone keeps no words), a row deleted outright, and a rollback that undoes an insert;
 * and what it holds outlives a restart of the database.
 */
class MessageSearchIndexTest {
    private DatabaseSettings postgres;
    private JdbcStorage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
        if (postgres != null) {
            PostgresTestDatabases.drop(postgres);
        }
    }

    private JdbcStorage open(String kind) {
        if (kind.equals("postgres")) {
            postgres = PostgresTestDatabases.newDatabase(2);
            storage = JdbcStorage.open(postgres);
        } else {
            storage = H2TestDatabases.newStorage();
        }
        return storage;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void the_index_follows_inserts_updates_deletes_and_rollbacks(String kind) {
        JdbcStorage storage = open(kind);
        AccountRegistry registry = storage.ports().accounts();
        User lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        ImSession session = storage.ports().imSessions().findOrCreate(
                dev.chatserver.domain.im.NewSession.privateBetween(lynx.id(), ocelot.id(), java.util.Optional.empty(),
                        UUID.randomUUID(), Instant.EPOCH));
        ImMessages messages = storage.ports().imMessages();
        MessageSearch search = storage.ports().messageSearch();
        Transactions transactions = storage.ports().transactions();
        List<ImMessage> stored = transactions.inTransaction(() -> messages.appendAll(List.of(
                message(session, lynx, "apples and pears"), message(session, lynx, "pears only"),
                message(session, lynx, "plums"))));

        assertThat(found(search, lynx, "pears")).containsExactly(stored.get(1).id(), stored.get(0).id());

        transactions.inTransaction(() -> {
            messages.saveChange(stored.get(1).editedBy(lynx.id(), "cherries now", Instant.EPOCH, Duration.ofDays(1)));
            return null;
        });
        assertThat(found(search, lynx, "pears")).containsExactly(stored.get(0).id());
        assertThat(found(search, lynx, "cherries")).containsExactly(stored.get(1).id());

        transactions.inTransaction(() -> {
            messages.saveChange(stored.get(0).deletedBy(lynx.id(), Instant.EPOCH, Duration.ofDays(1)));
            return null;
        });
        assertThat(found(search, lynx, "apples")).isEmpty();

        storage.jdbi().useHandle(h -> h.execute("delete from im_messages where id = ?", stored.get(2).id()));
        assertThat(found(search, lynx, "plums")).isEmpty();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            messages.append(message(session, lynx, "quinces forgotten"));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(found(search, lynx, "quinces")).isEmpty();
        ImMessage later = transactions.inTransaction(() -> messages.append(message(session, lynx, "quinces kept")));
        assertThat(found(search, lynx, "quinces")).containsExactly(later.id());
        assertThat(found(search, ocelot, "quinces kept")).containsExactly(later.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void writers_racing_with_the_same_new_words_all_commit_and_are_all_found(String kind) throws Exception {
        JdbcStorage storage = open(kind);
        AccountRegistry registry = storage.ports().accounts();
        User lynx = registry.register(new NewUser(new Login("lynx"), "Lynx", ""), "h");
        User ocelot = registry.register(new NewUser(new Login("ocelot"), "Ocelot", ""), "h");
        ImSession session = storage.ports().imSessions().findOrCreate(NewSession.privateBetween(lynx.id(),
                ocelot.id(), java.util.Optional.empty(), UUID.randomUUID(), Instant.EPOCH));
        ImMessages messages = storage.ports().imMessages();
        Transactions transactions = storage.ports().transactions();
        int writers = 4;
        int rounds = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(writers);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        String text = "fresh" + round + " novel" + round + " from" + writer;
                        transactions.inTransaction(() -> messages.append(message(session, lynx, text)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        MessageSearch search = storage.ports().messageSearch();
        for (int round = 0; round < rounds; round++) {
            assertThat(found(search, ocelot, "novel" + round + " fresh" + round)).hasSize(writers);
        }
    }

    private static ImMessage message(ImSession session, User from, String text) {
        return ImMessage.unsaved(session.id(), PostDraft.plain(from.id(), new MessageType("message"), text),
                Instant.EPOCH);
    }

    private static List<Long> found(MessageSearch search, User member, String query) {
        return search.search(member.id(), new SearchWords(SearchWords.wordsOf(query)), OptionalLong.empty(),
                OptionalLong.empty(), 20).stream().map(f -> f.message().id()).toList();
    }
}
