package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.IdempotencyKeys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    private final Map<Key, Kept> byKey = new ConcurrentHashMap<>();

    @Override
    public List<Kept> find(Collection<Key> keys) {
        return keys.stream().distinct().map(byKey::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized void keep(Collection<Kept> answers) {
        List<Key> taken = answers.stream().map(Kept::key).filter(byKey::containsKey).toList();
        if (!taken.isEmpty() || answers.stream().map(Kept::key).distinct().count() != answers.size()) {
            throw new IllegalStateException("keys kept already: " + taken);
        }
        answers.forEach(kept -> byKey.put(kept.key(), kept));
    }

    @Override
    public void forget(Collection<Key> keys) {
        keys.forEach(byKey::remove);
    }

    @Override
    public int removeUpTo(Instant cutoff) {
        int[] removed = {0};
        byKey.values().removeIf(kept -> {
            boolean expired = !kept.keptAt().isAfter(cutoff);
            if (expired) {
                removed[0]++;
            }
            return expired;
        });
        return removed[0];
    }
}
