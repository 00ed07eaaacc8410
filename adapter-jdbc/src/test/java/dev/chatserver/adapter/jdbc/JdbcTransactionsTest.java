package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a database can promise: work that fails leaves nothing behind; work that wrote is made durable. */
class JdbcTransactionsTest {
    private final JdbcStorage storage = H2TestDatabases.newStorage();

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void every_store_call_inside_failed_work_is_rolled_back() {
        Transactions transactions = storage.ports().transactions();
        AccountRegistry registry = storage.ports().accounts();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            registry.createGroup("News");
            registry.createGroup("Sales");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(storage.ports().users().groupsNamed("News")).isEmpty();
        assertThat(storage.ports().users().groupsNamed("Sales")).isEmpty();
    }

    /** Counts how often a unit of work waited for durability. */
    private static final class CountingBarrier implements DurabilityBarrier {
        final AtomicInteger waits = new AtomicInteger();

        @Override
        public void awaitDurable() {
            waits.incrementAndGet();
        }

        @Override
        public void close() {
            // nothing to stop
        }
    }

    @Test
    void only_a_unit_that_changed_rows_waits_for_durability() {
        CountingBarrier barrier = new CountingBarrier();
        Jdbi jdbi = storage.jdbi();
        Transactions transactions = new JdbcTransactions(jdbi, barrier);
        AccountRegistry registry = storage.ports().accounts();

        transactions.inTransaction(() -> storage.ports().users().groupsNamed("News"));
        assertThat(barrier.waits).as("a read").hasValue(0);

        transactions.inTransaction(() -> jdbi.withHandle(h -> h.createUpdate("update user_groups set name = 'x' where id = -1").execute()));
        assertThat(barrier.waits).as("an update that changed nothing").hasValue(0);

        transactions.inTransaction(() -> registry.createGroup("News"));
        assertThat(barrier.waits).as("an insert").hasValue(1);
    }
}
