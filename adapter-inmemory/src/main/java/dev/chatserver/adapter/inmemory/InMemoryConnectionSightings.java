package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.ConnectionSightings;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

public final class InMemoryConnectionSightings implements ConnectionSightings {
    private final Map<UserId, Instant> lastSeen = new HashMap<>();

    @Override
    public synchronized void seen(Collection<UserId> users, Instant at) {
        users.forEach(user -> lastSeen.merge(user, at, (kept, now) -> now.isAfter(kept) ? now : kept));
    }

    @Override
    public synchronized Map<UserId, Instant> lastSeen(Collection<UserId> users) {
        Map<UserId, Instant> found = new LinkedHashMap<>();
        users.forEach(user -> {
            Instant at = lastSeen.get(user);
            if (at != null) {
                found.put(user, at);
            }
        });
        return found;
    }
}
