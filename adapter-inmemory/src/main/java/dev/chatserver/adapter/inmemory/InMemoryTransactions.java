package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work in memory run one at a time under one lock, so a compound change is never seen half done.
 * Memory cannot roll back: the use cases check everything before they change anything.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        T result;
        lock.lock();
        try {
            afterCommit.set(actions);
            result = work.get();
        } finally {
            afterCommit.remove();
            lock.unlock();
        }
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
