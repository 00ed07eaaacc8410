package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.domain.im.GroupSettings;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Group conversations' settings in memory; units of work run one at a time, so reading is all a lock takes. */
public final class InMemoryGroupConversations implements GroupConversations {
    private final Map<Long, GroupSettings> bySession = new HashMap<>();

    @Override
    public synchronized void create(long sessionId, GroupSettings settings) {
        if (bySession.putIfAbsent(sessionId, settings) != null) {
            throw new IllegalStateException("session " + sessionId + " is a group conversation already");
        }
    }

    @Override
    public synchronized Optional<GroupSettings> lock(long sessionId) {
        return Optional.ofNullable(bySession.get(sessionId));
    }

    @Override
    public synchronized void save(long sessionId, GroupSettings settings) {
        if (bySession.replace(sessionId, settings) == null) {
            throw new IllegalStateException("session " + sessionId + " is no group conversation");
        }
    }

    @Override
    public synchronized Map<Long, GroupSettings> of(Collection<Long> sessionIds) {
        Map<Long, GroupSettings> found = new LinkedHashMap<>();
        sessionIds.forEach(id -> Optional.ofNullable(bySession.get(id)).ifPresent(s -> found.put(id, s)));
        return found;
    }
}
