package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.Transactions;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work in memory run one at a time under one lock, so a compound change is never seen half done.
 * Memory cannot roll back: the use cases check everything before they change anything.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final Transactions.AfterCommit afterCommit = new Transactions.AfterCommit();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        return afterCommit.run(() -> {
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        }, () -> { });
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    @Override
    public java.util.Optional<Object> currentUnit() {
        return afterCommit.currentUnit();
    }
}
