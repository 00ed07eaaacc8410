package dev.chatserver.adapter.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group flush, against a database that counts, holds or fails its CHECKPOINT SYNC statements. */
class H2GroupFlushTest {
    private final AtomicInteger flushes = new AtomicInteger();
    private final CountDownLatch firstFlushMayEnd = new CountDownLatch(1);
    private volatile boolean holdFirstFlush;
    private volatile SQLException failure;
    private final H2GroupFlush flush = new H2GroupFlush(database());

    @AfterEach
    void close() {
        firstFlushMayEnd.countDown();
        flush.close();
    }

    /** A data source whose statements only understand {@code checkpoint sync}. */
    private DataSource database() {
        Statement statement = proxy(Statement.class, (method, args) -> {
            if (method.equals("execute")) {
                assertThat(args[0]).isEqualTo("checkpoint sync");
                if (failure != null) {
                    throw failure;
                }
                if (flushes.incrementAndGet() == 1 && holdFirstFlush) {
                    firstFlushMayEnd.await();
                }
                return true;
            }
            return null;
        });
        Connection connection = proxy(Connection.class, (method, args) -> method.equals("createStatement") ? statement : null);
        return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }

    @Test
    void a_commit_alone_waits_for_one_flush() {
        flush.awaitDurable();
        flush.awaitDurable();

        assertThat(flushes.get()).isEqualTo(2);
    }

    @Test
    void commits_that_arrive_during_a_flush_share_the_next_one() throws Exception {
        holdFirstFlush = true;
        Thread first = new Thread(flush::awaitDurable);
        first.start();
        awaitTrue(() -> flushes.get() == 1);

        List<Thread> waiting = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread commit = new Thread(flush::awaitDurable);
            commit.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            waiting.add(commit);
            commit.start();
        }
        awaitTrue(() -> waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        assertThat(first.isAlive()).as("the first commit waits for its flush").isTrue();

        firstFlushMayEnd.countDown();
        first.join(TimeUnit.SECONDS.toMillis(30));
        for (Thread commit : waiting) {
            commit.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(commit.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(flushes.get()).as("one flush for the first commit, one for the ten that came during it").isEqualTo(2);
    }

    @Test
    void a_failed_flush_fails_the_commits_that_waited_for_it() {
        failure = new SQLException("disk full");

        assertThatThrownBy(flush::awaitDurable).isInstanceOf(StorageUnavailable.class).hasMessageContaining("disk full");
    }

    @Test
    void once_closed_no_commit_is_told_it_is_durable() {
        flush.close();

        assertThatThrownBy(flush::awaitDurable).isInstanceOf(StorageUnavailable.class);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the condition did not become true");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
