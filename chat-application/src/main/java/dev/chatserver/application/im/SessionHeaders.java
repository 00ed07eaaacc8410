package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.im.ImSession;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sessions a post names, found by uuid without a read when seen before. What is kept never changes once a
 * session exists (its id, uuid, date, group and document; sessions are never deleted), so the cache is exact on
 * every node without being told of any change. Members are NOT to be decided on from here: they change, and a
 * post reads them again under lock ({@link ImSessions#lockMembersOf}) in the transaction that stores it.
 * Bounded: the least recently used are forgotten first.
 */
public final class SessionHeaders {
    static final int CAPACITY = 10_000;

    private final ImSessions sessions;
    private final Map<UUID, ImSession> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ImSession> eldest) {
            return size() > CAPACITY;
        }
    };

    @Inject
    public SessionHeaders(ImSessions sessions) {
        this.sessions = sessions;
    }

    /** The sessions of these uuids that exist, with members as once read: only their fixed parts are to be used. */
    public synchronized List<ImSession> byUuids(Collection<UUID> uuids) {
        List<ImSession> found = new ArrayList<>();
        Set<UUID> unknown = new LinkedHashSet<>();
        for (UUID uuid : new LinkedHashSet<>(uuids)) {
            ImSession session = known.get(uuid);
            if (session == null) {
                unknown.add(uuid);
            } else {
                found.add(session);
            }
        }
        if (!unknown.isEmpty()) {
            for (ImSession session : sessions.byUuids(unknown)) {
                known.put(session.uuid(), session);
                found.add(session);
            }
        }
        return found;
    }
}
