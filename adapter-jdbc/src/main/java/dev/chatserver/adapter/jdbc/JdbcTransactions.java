package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A unit of work is one database transaction. Jdbi binds its handle to the thread, so every store's
 * {@code jdbi.withHandle} inside the unit runs on the same connection and commits with it.
 */
final class JdbcTransactions implements Transactions {
    private final Jdbi jdbi;
    private final DurabilityBarrier durability;
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    JdbcTransactions(Jdbi jdbi) {
        this(jdbi, DurabilityBarrier.COMMIT_IS_DURABLE);
    }

    /** Each unit of work returns only once {@code durability} says its commit is on disk. */
    JdbcTransactions(Jdbi jdbi, DurabilityBarrier durability) {
        this.jdbi = jdbi;
        this.durability = durability;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (afterCommit.get() != null) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        T result;
        try {
            afterCommit.set(actions);
            result = jdbi.inTransaction(handle -> work.get());
        } finally {
            afterCommit.remove();
        }
        durability.awaitDurable();
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
