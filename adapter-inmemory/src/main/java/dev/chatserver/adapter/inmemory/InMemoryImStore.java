package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.application.port.out.SessionOfMember;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.application.port.out.UnreadSession;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SearchWords;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.im.Unread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** IM sessions, their members and their messages, held in memory under this store's lock. */
public final class InMemoryImStore implements ImSessions, ImMessages, MessageSearch {
    private record Stored(long id, SessionKey key, UUID uuid, Instant createDate, Optional<GroupId> group,
                          Optional<DocumentLink> document) {
    }

    private static final Comparator<UserId> BY_ID = Comparator.comparingLong(UserId::value);

    private final NavigableMap<Long, Stored> sessions = new TreeMap<>();
    private final Map<SessionKey, Long> byKey = new HashMap<>();
    private final Map<UUID, Long> byUuid = new HashMap<>();
    private final Map<Long, TreeMap<UserId, Membership>> members = new HashMap<>();
    private final Map<Long, NavigableMap<Long, ImMessage>> messagesBySession = new HashMap<>();
    private final Map<Long, ImMessage> messagesById = new HashMap<>();
    private long lastSessionId;
    private long lastDocumentLinkId;
    private long lastMessageId;

    @Override
    public synchronized ImSession findOrCreate(NewSession session) {
        Long existing = byKey.get(session.key());
        if (existing != null) {
            return session(existing);
        }
        long id = ++lastSessionId;
        Optional<DocumentLink> link = session.document().map(d -> new DocumentLink(++lastDocumentLinkId, d));
        sessions.put(id, new Stored(id, session.key(), session.uuid(), session.createDate(), session.group(), link));
        byKey.put(session.key(), id);
        byUuid.put(session.uuid(), id);
        TreeMap<UserId, Membership> joined = new TreeMap<>(BY_ID);
        session.memberships().forEach(m -> joined.put(m.user(), m));
        members.put(id, joined);
        messagesBySession.put(id, new TreeMap<>());
        return session(id);
    }

    @Override
    public synchronized Optional<ImSession> byUuid(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid)).map(this::session);
    }

    @Override
    public synchronized Optional<ImSession> byId(long id) {
        return sessions.containsKey(id) ? Optional.of(session(id)) : Optional.empty();
    }

    @Override
    public synchronized Optional<SessionOfMember> ofMember(UUID uuid, UserId member) {
        return Optional.ofNullable(byUuid.get(uuid))
                .flatMap(id -> Optional.ofNullable(members.get(id).get(member)).map(own -> new SessionOfMember(id, uuid, own)));
    }

    @Override
    public synchronized List<ImSession> byKeys(Collection<SessionKey> keys) {
        return keys.stream().distinct().map(byKey::get).filter(Objects::nonNull)
                .sorted(Comparator.reverseOrder()).map(this::session).toList();
    }

    @Override
    public synchronized List<ImSession> sessionsOf(UserId member, SessionQuery query) {
        List<ImSession> found = new ArrayList<>();
        int limit = query.limit().orElse(Integer.MAX_VALUE);
        NavigableMap<Long, Stored> older = query.beforeId().isPresent()
                ? sessions.headMap(query.beforeId().getAsLong(), false) : sessions;
        for (Stored stored : older.descendingMap().values()) {
            if (found.size() == limit) {
                break;
            }
            Membership own = members.get(stored.id()).get(member);
            if (own != null && stored.group().isPresent() == query.groups() && matches(stored, own, query)) {
                found.add(session(stored.id()));
            }
        }
        return found;
    }

    @Override
    public synchronized Set<UUID> uuidsOf(UserId member) {
        Set<UUID> found = new HashSet<>();
        members.forEach((session, memberships) -> {
            if (memberships.containsKey(member)) {
                found.add(sessions.get(session).uuid());
            }
        });
        return found;
    }

    @Override
    public synchronized Map<UUID, Set<UserId>> membersByUuid(Collection<UUID> uuids) {
        Map<UUID, Set<UserId>> found = new HashMap<>();
        for (UUID uuid : uuids) {
            Long id = byUuid.get(uuid);
            if (id != null) {
                found.put(uuid, Set.copyOf(members.get(id).keySet()));
            }
        }
        return found;
    }

    private boolean matches(Stored stored, Membership own, SessionQuery query) {
        return query.withMember().map(other -> members.get(stored.id()).containsKey(other)).orElse(true)
                && query.group().map(g -> stored.group().equals(Optional.of(g))).orElse(true)
                && query.document().map(d -> stored.document().map(DocumentLink::document)
                .equals(Optional.of(d))).orElse(true)
                && query.state().map(s -> own.state() == s).orElse(true);
    }

    @Override
    public synchronized Set<UserId> addMembers(long sessionId, Collection<Membership> newcomers) {
        TreeMap<UserId, Membership> current = membersOf(sessionId);
        Set<UserId> added = new LinkedHashSet<>();
        for (Membership newcomer : newcomers) {
            if (current.putIfAbsent(newcomer.user(), newcomer) == null) {
                added.add(newcomer.user());
            }
        }
        return added;
    }

    @Override
    public synchronized void removeMember(long sessionId, UserId member) {
        membersOf(sessionId).remove(member);
    }

    @Override
    public synchronized void rekey(long sessionId, SessionKey newKey) {
        Stored stored = sessions.get(sessionId);
        if (stored == null) {
            throw new IllegalArgumentException("no session has the id " + sessionId);
        }
        if (stored.key().equals(newKey)) {
            return; // a group conversation's key is its own already
        }
        if (byKey.containsKey(newKey)) {
            throw new IllegalStateException("another session has the key " + newKey.value());
        }
        byKey.remove(stored.key());
        byKey.put(newKey, sessionId);
        sessions.put(sessionId, new Stored(stored.id(), newKey, stored.uuid(), stored.createDate(), stored.group(),
                stored.document()));
    }

    /** Units of work in memory run one at a time (InMemoryTransactions): reading again is all a lock takes. */
    @Override
    public synchronized ImSession lockMembers(ImSession session) {
        membersOf(session.id());
        return session(session.id());
    }

    @Override
    public synchronized ImSession lockMember(ImSession session, UserId member) {
        return Optional.ofNullable(membersOf(session.id()).get(member))
                .map(current -> session.with(List.of(current))).orElse(session);
    }

    @Override
    public synchronized void saveMemberships(long sessionId, Collection<Membership> memberships) {
        TreeMap<UserId, Membership> current = membersOf(sessionId);
        for (Membership membership : memberships) {
            if (!current.containsKey(membership.user())) {
                throw new IllegalArgumentException("user " + membership.user() + " is no member of session " + sessionId);
            }
            current.put(membership.user(), membership);
        }
    }

    @Override
    public synchronized ImMessage append(ImMessage message) {
        NavigableMap<Long, ImMessage> log = messagesBySession.get(message.sessionId());
        if (log == null) {
            throw new IllegalArgumentException("no session has the id " + message.sessionId());
        }
        ImMessage saved = message.storedAs(lastMessageId + 1);
        lastMessageId = saved.id();
        log.put(saved.id(), saved);
        messagesById.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized List<ImMessage> history(long sessionId, OptionalLong beforeId, int limit) {
        NavigableMap<Long, ImMessage> all = messagesBySession.getOrDefault(sessionId, new TreeMap<>());
        NavigableMap<Long, ImMessage> older = beforeId.isPresent() ? all.headMap(beforeId.getAsLong(), false) : all;
        return older.descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<ImMessage> byIds(Collection<Long> ids) {
        return ids.stream().distinct().sorted().map(messagesById::get).filter(Objects::nonNull).toList();
    }

    /** Units of work in memory run one at a time (InMemoryTransactions): reading is all a lock takes. */
    @Override
    public synchronized Optional<ImMessage> lockMessage(long id) {
        return Optional.ofNullable(messagesById.get(id));
    }

    @Override
    public synchronized void saveChange(ImMessage changed) {
        ImMessage current = messagesById.get(changed.id());
        if (current == null || current.sessionId() != changed.sessionId()) {
            throw new IllegalArgumentException("no message " + changed.id() + " in session " + changed.sessionId());
        }
        messagesById.put(changed.id(), changed);
        messagesBySession.get(changed.sessionId()).put(changed.id(), changed);
    }

    @Override
    public synchronized List<Long> countUnread(List<Unread> unread) {
        return unread.stream().map(u -> messagesBySession.getOrDefault(u.sessionId(), new TreeMap<>())
                .tailMap(u.seenMessageId(), false).values().stream().filter(u::counts).count()).toList();
    }

    @Override
    public synchronized List<UnreadCount> countUnreadWithMentions(List<Unread> unread) {
        return unread.stream().map(u -> {
            var after = messagesBySession.getOrDefault(u.sessionId(), new TreeMap<>()).tailMap(u.seenMessageId(), false)
                    .values();
            return new UnreadCount(after.stream().filter(u::counts).count(), after.stream().filter(u::mentions).count());
        }).toList();
    }

    @Override
    public synchronized List<UnreadSession> unreadPostedBefore(Instant cutoff, Optional<Unread> after, int limit) {
        List<UnreadSession> found = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<UserId, Membership>> session : members.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            long id = session.getKey();
            for (Membership member : session.getValue().values()) {
                if (after.isPresent() && (id < after.get().sessionId() || id == after.get().sessionId()
                        && member.user().value() <= after.get().member().value())) {
                    continue;
                }
                Unread unread = new Unread(id, member.user(), member.seenMessageId().orElse(0));
                boolean due = messagesBySession.getOrDefault(id, new TreeMap<>())
                        .tailMap(unread.seenMessageId(), false).values().stream()
                        .anyMatch(m -> unread.counts(m) && !m.createDate().isAfter(cutoff));
                if (due) {
                    found.add(new UnreadSession(unread, sessions.get(id).uuid()));
                    if (found.size() == limit) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    @Override
    public synchronized List<List<ImMessage>> newestUnread(List<Unread> unread, int perMember) {
        return unread.stream().map(u -> {
            List<ImMessage> newest = messagesBySession.getOrDefault(u.sessionId(), new TreeMap<>())
                    .tailMap(u.seenMessageId(), false).descendingMap().values().stream()
                    .filter(u::counts).limit(perMember).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.reverse(newest);
            return List.copyOf(newest);
        }).toList();
    }

    /** A scan of the member's sessions, each read newest first until it has given {@code limit} matches. */
    @Override
    public synchronized List<FoundMessage> search(UserId member, SearchWords words, OptionalLong sessionId,
                                                  OptionalLong beforeId, int limit) {
        List<FoundMessage> found = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<UserId, Membership>> session : members.entrySet()) {
            long id = session.getKey();
            if (!session.getValue().containsKey(member) || sessionId.isPresent() && sessionId.getAsLong() != id) {
                continue;
            }
            NavigableMap<Long, ImMessage> all = messagesBySession.get(id);
            NavigableMap<Long, ImMessage> older = beforeId.isPresent() ? all.headMap(beforeId.getAsLong(), false) : all;
            Stored stored = sessions.get(id);
            older.descendingMap().values().stream().filter(m -> words.foundIn(m.content())).limit(limit)
                    .forEach(m -> found.add(new FoundMessage(m, stored.uuid(), stored.group().isPresent())));
        }
        found.sort(Comparator.comparingLong((FoundMessage f) -> f.message().id()).reversed());
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private TreeMap<UserId, Membership> membersOf(long sessionId) {
        TreeMap<UserId, Membership> current = members.get(sessionId);
        if (current == null) {
            throw new IllegalArgumentException("no session has the id " + sessionId);
        }
        return current;
    }

    private ImSession session(long id) {
        Stored stored = sessions.get(id);
        return new ImSession(stored.id(), stored.uuid(), stored.createDate(), stored.group(), stored.document(),
                List.copyOf(members.get(id).values()));
    }
}
