package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.im.MessagePosting;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.im.SearchHit;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImMessages;
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
    private final JdbcStorage storage = H2TestDatabases.newStorage();
    private final ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        im.close();
        storage.close();
    }

    private User register(String login) {
        return storage.ports().get(AccountRegistry.class).register(new NewUser(new Login(login), login, ""), "h");
    }

    /** A user in {@code count} sessions, each with one message from its other member holding {@code word}. */
    private User userWithHits(String login, String word, int count) {
        User owner = register(login);
        MessagePosting posting = new MessagePosting(storage.ports().get(ImSessions.class),
                storage.ports().get(ImMessages.class));
        for (int i = 0; i < count; i++) {
            User other = register(login + "-contact-" + i);
            ImSession session = storage.ports().get(ImSessions.class).findOrCreate(new NewSession(
                    SessionKey.privateBetween(owner.id(), other.id(), Optional.empty()), UUID.randomUUID(), NOW,
                    Optional.empty(), Optional.empty(), Set.of(owner.id(), other.id())));
            String text = word + " number " + i;
            storage.ports().get(Transactions.class).inTransaction(() ->
                    posting.post(session, other.id(), new MessageType("message"), text, NOW));
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
