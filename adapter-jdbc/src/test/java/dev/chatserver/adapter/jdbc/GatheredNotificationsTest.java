package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notifications a unit of work publishes are appended together just before it commits: a fixed number of
 * statements however many (a batch of posts publishes several per post), in the order published, and none when
 * the unit rolls back; on PostgreSQL and on H2.
 */
abstract class GatheredNotificationsTest {
    private static final Channel LYNX = new Channel("user:5");
    private static final Channel OCELOT = new Channel("user:6");

    private final JdbcStorage storage = newStorage();
    private final NotificationStorage.Opened bus = storage.ports().realtime().orElseThrow().notifications()
            .open(Clock.systemUTC(), NotificationRetention.DEFAULT);
    private final Transactions transactions = storage.ports().transactions();

    abstract JdbcStorage newStorage();

    /** The statements of one append, however many notifications it carries. */
    abstract int statementsOfOneAppend();

    static final class OnPostgresTest extends GatheredNotificationsTest {
        @Override
        JdbcStorage newStorage() {
            return PostgresTestDatabases.newStorage();
        }

        /** The lock, then one statement inserting all, noting their texts and waking the nodes. */
        @Override
        int statementsOfOneAppend() {
            return 2;
        }
    }

    static final class OnH2Test extends GatheredNotificationsTest {
        @Override
        JdbcStorage newStorage() {
            return H2TestDatabases.newStorage();
        }

        /** The lock, one statement inserting all, one noting the texts they carry. */
        @Override
        int statementsOfOneAppend() {
            return 3;
        }
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private int statementsFor(Runnable work) {
        return Statements.counted(storage, work);
    }

    private void publishInOneUnit(int count) {
        transactions.inTransaction(() -> {
            for (int i = 1; i <= count; i++) {
                bus.bus().publish(i % 2 == 0 ? OCELOT : LYNX, SampleEvents.numbered(i));
            }
        });
    }

    @Test
    void a_unit_appends_what_it_published_with_the_same_statements_for_one_hundred_as_for_two() {
        int forTwo = statementsFor(() -> publishInOneUnit(2));
        long afterTwo = bus.log().lastId();
        int forHundred = statementsFor(() -> publishInOneUnit(100));

        assertThat(forTwo).isEqualTo(statementsOfOneAppend());
        assertThat(forHundred).isEqualTo(forTwo);
        assertThat(bus.log().readAfter(afterTwo, Set.of(LYNX, OCELOT), 1000).notifications())
                .as("in the order published, ids growing").hasSize(100)
                .extracting(Notification::event).containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(SampleEvents::numbered).toList());
    }

    @Test
    void a_unit_that_rolls_back_appends_nothing_and_a_publish_outside_a_unit_is_appended_at_once() {
        long before = bus.log().lastId();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            bus.bus().publish(LYNX, SampleEvents.numbered(1));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(bus.log().lastId()).isEqualTo(before);

        bus.bus().publish(LYNX, SampleEvents.numbered(2));
        assertThat(bus.log().readAfter(before, Set.of(LYNX), 10).notifications()).extracting(Notification::event)
                .containsExactly(SampleEvents.numbered(2));
    }
}
