package dev.chatserver.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The after-commit half of a {@link Transactions} implementation: the actions queued by the unit of work running
 * on each thread, run once it committed and dropped when it failed.
 */
public final class AfterCommit {
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

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
