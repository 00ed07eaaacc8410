package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room of 100,000 events costs as many statements to read a page or a state from as a room of ten, and on
 * PostgreSQL those statements run on indexes.
 */
class EventsAtScaleTest {
    private static final int BIG = 100_000;
    private static final int BATCH = 2_000;
    private static final int LABELS = 20_000;
    private static final Instant OPENED = Instant.parse("2026-11-21T10:00:00Z");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends Scale {
        @Override
        JdbcStorage open() {
            return H2TestDatabases.newStorage();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends Scale {
        private DatabaseSettings settings;

        @Override
        JdbcStorage open() {
            settings = PostgresTestDatabases.newDatabase(2);
            return JdbcStorage.open(settings);
        }

        @Override
        void dispose() {
            PostgresTestDatabases.drop(settings);
        }

        @Test
        void pages_and_states_run_on_indexes() {
            storage.jdbi().useHandle(h -> h.execute("analyze"));
            List<String> plans = new ArrayList<>();
            plans.add(explain(JdbcEvents.pageSql(query(big, Direction.BACKWARD, OptionalLong.empty(), null)), null));
            plans.add(explain(JdbcEvents.pageSql(query(big, Direction.FORWARD, OptionalLong.of(BIG / 2), "messages")), "messages"));
            plans.add(explain(JdbcEvents.CURRENT_STATE, "messages"));
            plans.add(explain(JdbcEvents.PAST_STATE, "messages"));

            assertThat(plans).allSatisfy(plan -> assertThat(plan)
                    .contains("Index")
                    .doesNotContain("Seq Scan on chat_events"));
        }

        private String explain(String sql, String set) {
            return storage.jdbi().withHandle(h -> String.join("\n", h.createQuery("explain " + sql)
                    .bind("room", big.value())
                    .bind("set", set)
                    .bind("cursor", (long) BIG / 2)
                    .bind("at", (long) BIG / 2)
                    .bind("limit", 51)
                    .mapTo(String.class).list()));
        }
    }

    abstract static class Scale {
        JdbcStorage storage;
        RoomId big;
        RoomId small;
        private final AtomicInteger statements = new AtomicInteger();

        abstract JdbcStorage open();

        void dispose() {
        }

        @BeforeAll
        void fill() {
            storage = open();
            big = room();
            small = room();
            EventStore events = storage.ports().events();
            for (int from = 1; from <= BIG; from += BATCH) {
                List<Event> batch = new ArrayList<>(BATCH);
                for (int n = from; n < from + BATCH; n++) {
                    batch.add(numbered(big, n));
                }
                events.append(batch);
            }
            List<Event> few = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                few.add(numbered(small, n));
            }
            events.append(few);
            storage.jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    statements.incrementAndGet();
                }
            });
        }

        @AfterAll
        void close() {
            storage.close();
            dispose();
        }

        private RoomId room() {
            EventRoom room = EventRoom.open(new RoomId(UUID.randomUUID()), "example.org", JsonText.EMPTY_OBJECT, OPENED);
            storage.ports().eventRooms().insert(room);
            return room.id();
        }

        /** Every tenth event is the room's layout (no label), the others are messages over 20,000 labels. */
        private static Event numbered(RoomId room, long n) {
            boolean layout = n % 10 == 0;
            return new Event(new EventId(UUID.randomUUID()), room, layout ? "layout" : "message",
                    layout ? "layout" : "messages", layout ? null : "m" + (n % LABELS), null,
                    new JsonText("{\"n\":" + n + "}"), n, n, JOHN, OPENED);
        }

        static EventQuery query(RoomId room, Direction direction, OptionalLong cursor, String set) {
            return new EventQuery(room, Set.of(), set, null, null, cursor, direction, 50);
        }

        private <T> Counted<T> counted(Supplier<T> read) {
            statements.set(0);
            T result = read.get();
            return new Counted<>(result, statements.get());
        }

        record Counted<T>(T result, int statements) {
        }

        @Test
        void a_page_is_one_statement_in_a_big_room_as_in_a_small_one() {
            EventStore events = storage.ports().events();

            Counted<EventPage> bigPage = counted(() -> events.page(query(big, Direction.BACKWARD, OptionalLong.empty(), null)));
            Counted<EventPage> middlePage = counted(() -> events.page(
                    new EventQuery(big, Set.of("message"), "messages", "m7", null, OptionalLong.of(BIG / 2),
                            Direction.FORWARD, 50)));
            Counted<EventPage> smallPage = counted(() -> events.page(query(small, Direction.BACKWARD, OptionalLong.empty(), null)));

            assertThat(bigPage.statements()).isEqualTo(smallPage.statements()).isEqualTo(middlePage.statements()).isEqualTo(1);
            assertThat(bigPage.result().events()).hasSize(50);
            assertThat(bigPage.result().events().get(0).occurredAt()).isEqualTo(BIG);
            assertThat(bigPage.result().nextCursor()).hasValue(BIG - 49);
            assertThat(middlePage.result().events()).extracting(Event::occurredAt)
                    .containsExactly(60_007L, 80_007L);
            assertThat(smallPage.result().events()).hasSize(10);
        }

        @Test
        void a_state_is_one_statement_per_set_in_a_big_room_as_in_a_small_one() {
            EventStore events = storage.ports().events();
            List<String> sets = List.of("messages", "layout");

            Counted<List<SetState>> now = counted(() -> events.state(big, sets, OptionalLong.empty(), 100));
            Counted<List<SetState>> then = counted(() -> events.state(big, sets, OptionalLong.of(BIG / 2 + 5), 100));
            Counted<List<SetState>> small = counted(() -> events.state(EventsAtScaleTest.Scale.this.small, sets, OptionalLong.empty(), 100));

            assertThat(now.statements()).isEqualTo(then.statements()).isEqualTo(small.statements()).isEqualTo(2);
            assertThat(now.result().get(0).newest()).hasSize(100);
            assertThat(now.result().get(0).newest().get(0).occurredAt()).isEqualTo(BIG - 1);
            assertThat(now.result().get(1).isSingleItem()).isTrue();
            assertThat(now.result().get(1).newest().get(0).occurredAt()).isEqualTo(BIG);
            assertThat(then.result().get(0).newest().get(0).occurredAt()).isEqualTo(BIG / 2 + 5);
            assertThat(then.result().get(1).newest().get(0).occurredAt()).isEqualTo(BIG / 2);
            assertThat(small.result().get(0).newest()).hasSize(9);
        }

        @Test
        void the_first_occurrence_of_a_label_is_one_statement() {
            EventStore events = storage.ports().events();

            Counted<OptionalLong> first = counted(() -> events.firstOccurredAt(big, "messages", "m7"));

            assertThat(first.statements()).isEqualTo(1);
            assertThat(first.result()).hasValue(7);
        }
    }
}
