package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.view.SearchHit;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search costs the same statements whatever it finds: the search, the senders not seen before, the hits'
 * reactions.
 */
class SearchQueryCostTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final DatabaseSettings database = DatabaseSettings.h2Memory("search_" + UUID.randomUUID().toString()
            .replace("-", ""));
    /** The node measured, which has read no sender yet. */
    private final JdbcStorage storage = JdbcStorage.open(database);
    private final ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC());
    /** Another node on the same database, where the messages are posted (and their senders read). */
    private final JdbcStorage postingNode = JdbcStorage.open(database);
    private final ImServices posting = new ImServices(postingNode.ports(), ImPolicy.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        posting.close();
        postingNode.close();
        im.close();
        storage.close();
    }

    private User register(String login) {
        return storage.ports().accounts().register(new NewUser(new Login(login), login, ""), "h");
    }

    /**
     * A user in {@code count} sessions, each with one message from its other member holding {@code word}, posted on
     * the other node.
     */
    private User userWithHits(String login, String word, int count) {
        User owner = register(login);
        for (int i = 0; i < count; i++) {
            User other = register(login + "-contact-" + i);
            ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                    SessionKey.privateBetween(owner.id(), other.id(), Optional.empty()), UUID.randomUUID(), NOW,
                    Optional.empty(), Optional.empty(), Set.of(owner.id(), other.id())));
            String text = word + " number " + i;
            PostMessageCommand post = new PostMessageCommand(other, session.uuid(), new MessageType("message"), text);
            postingNode.ports().transactions().inTransaction(() -> posting.posting.write(List.of(post)))
                    .forEach(answer -> assertThat(answer.problem()).isNull());
        }
        return owner;
    }

    private int statementsFor(Supplier<?> work) {
        return Statements.counted(storage, work::get);
    }

    @Test
    void a_search_costs_three_statements_for_200_hits_from_200_senders_as_for_3() {
        User few = userWithHits("few", "kiwi", 3);
        User many = userWithHits("many", "mango", 200);
        SearchCommand fewSearch = SearchCommand.of(few, "kiwi", Optional.empty(), OptionalLong.empty(), OptionalInt.of(200));
        SearchCommand manySearch = SearchCommand.of(many, "mango", Optional.empty(), OptionalLong.empty(), OptionalInt.of(200));

        int forFew = statementsFor(() -> im.search.search(fewSearch));
        int forMany = statementsFor(() -> im.search.search(manySearch));
        int again = statementsFor(() -> im.search.search(manySearch));
        List<SearchHit> hits = im.search.search(manySearch);

        assertThat(hits).hasSize(200).allSatisfy(h -> assertThat(h.message().message()).startsWith("mango"));
        assertThat(forMany).as("the search, the senders, the reactions").isEqualTo(forFew).isEqualTo(3);
        assertThat(again).as("the senders are known once read").isEqualTo(2);
    }
}
