package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.SignInFailures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySignInFailures implements SignInFailures {
    private final Map<String, List<Instant>> bySubject = new ConcurrentHashMap<>();

    @Override
    public void record(String subject, Instant failedAt) {
        bySubject.compute(subject, (key, known) -> {
            List<Instant> failures = known == null ? new ArrayList<>() : known;
            failures.add(failedAt);
            return failures;
        });
    }

    @Override
    public List<Instant> recent(String subject, Instant after, int limit) {
        List<Instant> found = new ArrayList<>();
        bySubject.computeIfPresent(subject, (key, failures) -> {
            failures.stream().filter(at -> at.isAfter(after)).sorted(Comparator.reverseOrder()).limit(limit)
                    .forEach(found::add);
            return failures;
        });
        return found;
    }

    @Override
    public void forget(String subject) {
        bySubject.remove(subject);
    }

    @Override
    public int removeUpTo(Instant cutoff) {
        int[] removed = {0};
        for (String subject : bySubject.keySet()) {
            bySubject.computeIfPresent(subject, (key, failures) -> {
                int before = failures.size();
                failures.removeIf(at -> !at.isAfter(cutoff));
                removed[0] += before - failures.size();
                return failures.isEmpty() ? null : failures;
            });
        }
        return removed[0];
    }
}
