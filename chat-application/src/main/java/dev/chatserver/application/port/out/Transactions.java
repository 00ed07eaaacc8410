package dev.chatserver.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically against the storage: every port call made inside {@link #inTransaction}
 * on the same thread commits together or not at all. Nested calls join the outer unit.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the current unit of work has committed (at once when there is none), and
     * never when it rolls back: for announcing what became durable.
     */
    void afterCommit(Runnable action);
}
