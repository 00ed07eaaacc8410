package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.NewMessage;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.PostedMessage;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
import java.util.function.UnaryOperator;

/** IM sessions, their members and their messages, held in memory under this store's lock. */
public final class InMemoryImStore implements ImSessions, ImMessages {
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
        session.members().forEach(user -> joined.put(user, Membership.joining(user)));
        members.put(id, joined);
        messagesBySession.put(id, new TreeMap<>());
        return session(id);
    }

    @Override
    public synchronized Optional<ImSession> byUuid(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid)).map(this::session);
    }

    @Override
    public synchronized List<ImSession> byKeys(Collection<SessionKey> keys) {
        return keys.stream().distinct().map(byKey::get).filter(Objects::nonNull).sorted().map(this::session).toList();
    }

    @Override
    public synchronized List<ImSession> sessionsOf(UserId member, SessionQuery query) {
        List<ImSession> found = new ArrayList<>();
        for (Stored stored : sessions.descendingMap().values()) {
            Membership own = members.get(stored.id()).get(member);
            if (own != null && stored.group().isPresent() == query.groups() && matches(stored, own, query)) {
                found.add(session(stored.id()));
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
    public synchronized Set<UserId> addMembers(long sessionId, Collection<UserId> users) {
        TreeMap<UserId, Membership> current = membersOf(sessionId);
        Set<UserId> added = new LinkedHashSet<>();
        for (UserId user : users) {
            if (!current.containsKey(user)) {
                current.put(user, Membership.joining(user));
                added.add(user);
            }
        }
        return added;
    }

    @Override
    public synchronized boolean changeState(long sessionId, UserId member, SessionState state) {
        return update(sessionId, member, m -> new Membership(m.user(), state, m.status(), m.read(), m.lastMessageId()));
    }

    @Override
    public synchronized boolean changeStatus(long sessionId, UserId member, SessionStatus status) {
        return update(sessionId, member, m -> new Membership(m.user(), m.state(), status, m.read(), m.lastMessageId()));
    }

    @Override
    public synchronized boolean markRead(long sessionId, UserId member) {
        return update(sessionId, member, m -> new Membership(m.user(), m.state(), m.status(), true, m.lastMessageId()));
    }

    @Override
    public synchronized PostedMessage post(NewMessage message) {
        Stored stored = sessions.get(message.sessionId());
        if (stored == null) {
            throw new IllegalArgumentException("no session has the id " + message.sessionId());
        }
        ImMessage saved = new ImMessage(++lastMessageId, stored.id(), message.from(), message.type(),
                message.content(), message.createDate());
        messagesBySession.get(stored.id()).put(saved.id(), saved);
        messagesById.put(saved.id(), saved);
        List<UserId> changed = new ArrayList<>();
        TreeMap<UserId, Membership> current = membersOf(stored.id());
        for (Membership m : List.copyOf(current.values())) {
            if (m.user().equals(message.from())) {
                current.put(m.user(), new Membership(m.user(), m.state(), m.status(), m.read(), OptionalLong.of(saved.id())));
            } else if (m.read() || m.state() == SessionState.CLOSED) {
                SessionState state = m.state() == SessionState.CLOSED ? SessionState.FOLDED : m.state();
                current.put(m.user(), new Membership(m.user(), state, m.status(), false, m.lastMessageId()));
                changed.add(m.user());
            }
        }
        return new PostedMessage(saved, changed);
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

    private boolean update(long sessionId, UserId member, UnaryOperator<Membership> change) {
        TreeMap<UserId, Membership> current = membersOf(sessionId);
        Membership before = current.get(member);
        if (before == null) {
            return false;
        }
        Membership after = change.apply(before);
        current.put(member, after);
        return !after.equals(before);
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
