package dev.chatserver.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * The unit of work running on this thread, as a token that is the same for everything it does and differs from
     * any other unit's, or empty outside one: for gathering what a unit does into one action after it commits.
     */
    default Optional<Object> currentUnit() {
        return Optional.empty();
    }

    /**
     * The after-commit half every implementation of this port keeps alike: the actions queued by the unit of work
     * running on each thread, run once it committed and dropped when it failed. It is written here, with the
     * promise of {@link #afterCommit} it keeps, because it is part of that promise rather than a port of its own,
     * and the storage adapters, which may share only the application's ports, each need it.
     */
    final class AfterCommit {
        private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

        /** {@link Transactions#currentUnit}. */
        public Optional<Object> currentUnit() {
            return Optional.ofNullable(pending.get());
        }

        /** Whether a unit of work runs on this thread (a nested one joins it). */
        public boolean inUnit() {
            return pending.get() != null;
        }

        /**
         * Runs {@code unit}, which commits when it returns normally; then {@code committed} (e.g. waiting until the
         * commit is durable) and then the actions queued meanwhile. When {@code unit} throws, they are dropped.
         */
        public <T> T run(Supplier<T> unit, Runnable committed) {
            List<Runnable> actions = new ArrayList<>();
            T result;
            pending.set(actions);
            try {
                result = unit.get();
            } finally {
                pending.remove();
            }
            committed.run();
            actions.forEach(Runnable::run);
            return result;
        }

        /** {@link Transactions#afterCommit}: queued in the unit of work of this thread, or run at once outside one. */
        public void add(Runnable action) {
            List<Runnable> actions = pending.get();
            if (actions == null) {
                action.run();
            } else {
                actions.add(action);
            }
        }
    }
}
