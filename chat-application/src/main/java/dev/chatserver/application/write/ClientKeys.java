package dev.chatserver.application.write;

import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.IdempotencyKeys.Kept;
import dev.chatserver.application.port.out.Transactions;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule of client keys: a key answers the first write made under it for {@link #LIFETIME}, then it is free
 * again. A lane asks {@link #answered} inside the writer's unit of work, after taking the locks its writes take,
 * so that a write under the same key committed meanwhile on any node is seen; a key found expired is forgotten
 * there and then, so the write may keep it anew. Keys nobody reuses are swept now and then
 * ({@link #sweepNowAndThen}), in a unit of their own.
 */
public final class ClientKeys {
    public static final Duration LIFETIME = Duration.ofHours(24);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final IdempotencyKeys store;
    private final Transactions transactions;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    @Inject
    public ClientKeys(IdempotencyKeys store, Transactions transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The answers of the keys that still count at {@code now}; one read, none when no key is given. */
    public Map<Key, String> answered(Collection<Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Instant cutoff = now.minus(LIFETIME);
        Map<Key, String> fresh = new HashMap<>();
        List<Key> expired = new ArrayList<>();
        for (Kept kept : store.find(keys)) {
            if (kept.keptAt().isAfter(cutoff)) {
                fresh.put(kept.key(), kept.answer());
            } else {
                expired.add(kept.key());
            }
        }
        if (!expired.isEmpty()) {
            store.forget(expired);
        }
        return fresh;
    }

    /** Keeps the first answers of keys {@link #answered} did not know, in the same unit of work. */
    public void keep(Collection<Kept> answers) {
        if (!answers.isEmpty()) {
            store.keep(answers);
        }
    }

    /** Forgets the expired keys, at most once every {@link #SWEEP_EVERY} on this node. */
    public void sweepNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        if (!now.isBefore(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now)) {
            transactions.inTransaction(() -> store.removeUpTo(now.minus(LIFETIME)));
        }
    }
}
