package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 a commit is visible before the group flush has written it: the log gives readers a notification, and wakes
 * them, only once the unit of work that appended it is on disk, so a client never holds an id a crash could lose.
 */
class H2NotificationLogTest {
    private static final Channel LYNX = new Channel("user:5");

    private final JdbcStorage storage = H2TestDatabases.newStorage();

    @AfterEach
    void close() {
        storage.close();
    }

    /** A flush that waits until the test lets it finish. */
    private static final class HeldFlush implements DurabilityBarrier {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void awaitDurable() {
            reached.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    @Test
    void a_notification_is_read_and_wakes_its_readers_only_once_its_unit_of_work_is_on_disk() throws Exception {
        HeldFlush flush = new HeldFlush();
        JdbcTransactions transactions = new JdbcTransactions(storage.jdbi(), flush);
        try (JdbcNotificationLog log = JdbcNotificationLog.onH2(storage.jdbi(), transactions, Clock.systemUTC(),
                NotificationRetention.DEFAULT)) {
            AtomicInteger wakes = new AtomicInteger();
            log.onAppend(wakes::incrementAndGet);

            // a publish alone is a unit that wrote: it waits for the flush like a post
            CompletableFuture<Void> published = CompletableFuture.runAsync(
                    () -> log.bus().publish(Set.of(LYNX), SampleEvents.numbered(1)));
            assertThat(flush.reached.await(10, TimeUnit.SECONDS)).as("the unit waits for the flush").isTrue();

            assertThat(log.readAfter(0, Set.of(LYNX), 10).notifications()).as("committed, not yet on disk").isEmpty();
            assertThat(log.lastId()).isZero();
            assertThat(wakes).hasValue(0);

            flush.release.countDown();
            published.get(10, TimeUnit.SECONDS);
            assertThat(log.readAfter(0, Set.of(LYNX), 10).notifications()).extracting(Notification::event)
                    .containsExactly(SampleEvents.numbered(1));
            assertThat(log.lastId()).isPositive();
            assertThat(wakes).hasValue(1);
        }
    }

    @Test
    void ids_keep_growing_when_the_log_is_opened_again_on_the_same_database() {
        JdbcNotificationLog first = JdbcNotificationLog.onH2(storage.jdbi(), new JdbcTransactions(storage.jdbi()),
                Clock.systemUTC(), NotificationRetention.DEFAULT);
        long before = first.append(LYNX, SampleEvents.numbered(1)).id();
        first.close();

        try (JdbcNotificationLog again = JdbcNotificationLog.onH2(storage.jdbi(), new JdbcTransactions(storage.jdbi()),
                Clock.systemUTC(), NotificationRetention.DEFAULT)) {
            assertThat(again.lastId()).as("what was on disk is readable at once").isEqualTo(before);
            assertThat(again.readAfter(0, Set.of(LYNX), 10).notifications()).extracting(Notification::id)
                    .containsExactly(before);
            assertThat(again.append(LYNX, SampleEvents.numbered(2)).id()).isGreaterThan(before);
        }
    }
}
