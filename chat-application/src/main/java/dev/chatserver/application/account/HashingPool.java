package dev.chatserver.application.account;

import dev.chatserver.domain.problem.Overloaded;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Slots for password hashing: a fixed number of hashes run at once and a bounded number of sign-ins wait for a
 * slot; past that a sign-in is refused at once, unhashed. A burst of sign-ins takes at most that many cores and
 * that many request threads. The work runs on the caller's thread, holding a slot.
 */
final class HashingPool {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore admitted;
    private final Semaphore running;

    HashingPool(HashingLimits limits) {
        this.admitted = new Semaphore(limits.concurrent() + limits.queued());
        this.running = new Semaphore(limits.concurrent(), true);
    }

    <T> T run(Supplier<T> hashing) {
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        try {
            running.acquire();
            try {
                return hashing.get();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            admitted.release();
        }
    }

    private static Overloaded busy() {
        return new Overloaded(RETRY_AFTER, "too many sign-ins at once; retry shortly");
    }
}
