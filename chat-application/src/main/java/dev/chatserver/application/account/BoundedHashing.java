package dev.chatserver.application.account;

import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.domain.problem.Overloaded;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Password checks with a fixed number running at once and a bounded number waiting: a burst of sign-ins takes at
 * most that many cores and that many request threads, and what is past the queue is refused at once, unhashed.
 */
final class BoundedHashing {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordHasher hasher;
    private final Semaphore admitted;
    private final Semaphore running;

    BoundedHashing(PasswordHasher hasher, HashingLimits limits) {
        this.hasher = hasher;
        this.admitted = new Semaphore(limits.concurrent() + limits.queued());
        this.running = new Semaphore(limits.concurrent(), true);
    }

    boolean matches(char[] password, String storedHash) {
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        try {
            running.acquire();
            try {
                return hasher.matches(password, storedHash);
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
