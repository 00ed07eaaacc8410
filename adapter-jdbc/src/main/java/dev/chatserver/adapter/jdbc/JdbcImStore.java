package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionOfMember;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.application.port.out.UnreadSession;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.domain.im.Unread;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** IM sessions, members and messages in SQL. Every read answers in one statement, however many rows. */
final class JdbcImStore implements ImSessions, ImMessages {
    private static final String SELECT_SESSIONS = """
            select s.id, s.uuid, s.create_date, s.group_id, d.id as doc_link_id, d.doc_model, d.doc_id,
                   m.user_id, m.state, m.status, m.is_read, m.last_message_id, m.seen_message_id
            from im_sessions s
            left join im_session_docs d on d.session_id = s.id
            join im_session_members m on m.session_id = s.id
            """;
    private static final String SELECT_MEMBERS =
            "select user_id, state, status, is_read, last_message_id, seen_message_id from im_session_members";
    private static final String SELECT_MESSAGES = "select " + MessageRows.COLUMNS + " from im_messages m";

    private final Jdbi jdbi;
    private final boolean keepsWords;

    /** {@code keepsWords}: the store keeps the search's word table of its messages (H2, see {@link MessageWords}). */
    JdbcImStore(Jdbi jdbi, boolean keepsWords) {
        this.jdbi = jdbi;
        this.keepsWords = keepsWords;
    }

    @Override
    public ImSession findOrCreate(NewSession session) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            insert into im_sessions (uuid, canonical_key, create_date, group_id)
                            values (:uuid, :key, :created, :group) on conflict do nothing""")
                    .bind("uuid", session.uuid())
                    .bind("key", session.key().value())
                    .bind("created", OffsetDateTime.ofInstant(session.createDate(), ZoneOffset.UTC))
                    .bind("group", session.group().map(GroupId::value).orElse(null))
                    .execute();
            if (inserted == 1) {
                long id = h.createQuery("select id from im_sessions where uuid = :uuid")
                        .bind("uuid", session.uuid()).mapTo(Long.class).one();
                session.document().ifPresent(d -> h.createUpdate(
                                "insert into im_session_docs (session_id, doc_model, doc_id) values (:s, :model, :doc)")
                        .bind("s", id).bind("model", d.model()).bind("doc", d.id()).execute());
                insertMembers(h, id, session.memberships(), "");
            }
            return sessions(h, "where s.canonical_key = :key", q -> q.bind("key", session.key().value()))
                    .stream().findFirst().orElseThrow();
        });
    }

    private static int[] insertMembers(Handle h, long sessionId, Collection<Membership> members, String onConflict) {
        var batch = h.prepareBatch("""
                insert into im_session_members (session_id, user_id, state, status, is_read, last_message_id,
                                                seen_message_id)
                values (:s, :user, :state, :status, :read, :last, :seen)""" + onConflict);
        members.forEach(m -> bindMembership(batch.bind("s", sessionId), m).add());
        return batch.execute();
    }

    private static <T extends SqlStatement<T>> T bindMembership(T statement, Membership m) {
        return statement.bind("user", m.user().value())
                .bind("state", m.state().wireName())
                .bind("status", m.status().wireName())
                .bind("read", m.read())
                .bind("last", m.lastMessageId().isPresent() ? Long.valueOf(m.lastMessageId().getAsLong()) : null)
                .bind("seen", m.seenMessageId().isPresent() ? Long.valueOf(m.seenMessageId().getAsLong()) : null);
    }

    @Override
    public Optional<ImSession> byUuid(UUID uuid) {
        return jdbi.withHandle(h -> sessions(h, "where s.uuid = :uuid", q -> q.bind("uuid", uuid))).stream().findFirst();
    }

    @Override
    public Optional<ImSession> byId(long id) {
        return jdbi.withHandle(h -> sessions(h, "where s.id = :id", q -> q.bind("id", id))).stream().findFirst();
    }

    @Override
    public Optional<SessionOfMember> ofMember(UUID uuid, UserId member) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.id, m.user_id, m.state, m.status, m.is_read, m.last_message_id, m.seen_message_id
                        from im_sessions s join im_session_members m on m.session_id = s.id and m.user_id = :member
                        where s.uuid = :uuid""")
                .bind("uuid", uuid).bind("member", member.value())
                .map((rs, ctx) -> new SessionOfMember(rs.getLong("id"), uuid, membership(rs))).findOne());
    }

    @Override
    public List<ImSession> byUuids(Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> sessions(h, "where s.uuid = any(:uuids)",
                q -> q.bindArray("uuids", UUID.class, uuids.stream().distinct().toList())));
    }

    @Override
    public List<ImSession> byKeys(Collection<SessionKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> sessions(h, "where s.canonical_key in (<keys>)",
                q -> q.bindList("keys", keys.stream().map(SessionKey::value).distinct().toList())));
    }

    @Override
    public List<ImSession> sessionsOf(UserId member, SessionQuery query) {
        return jdbi.withHandle(h -> sessions(h, sessionsOfWhere(query), q -> bindPage(q, member, query)));
    }

    @Override
    public Set<UUID> uuidsOf(UserId member) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.uuid from im_session_members m join im_sessions s on s.id = m.session_id
                        where m.user_id = :member""")
                .bind("member", member.value()).mapTo(UUID.class).collect(Collectors.toSet()));
    }

    @Override
    public Map<UUID, Set<UserId>> membersByUuid(Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<UUID, Set<UserId>> members = new HashMap<>();
            h.createQuery("""
                            select s.uuid, m.user_id from im_sessions s join im_session_members m on m.session_id = s.id
                            where s.uuid = any(:uuids)""")
                    .bindArray("uuids", UUID.class, uuids.stream().distinct().toList())
                    .map((rs, ctx) -> members.computeIfAbsent(rs.getObject("uuid", UUID.class), u -> new HashSet<>())
                            .add(UserId.of(rs.getLong("user_id"))))
                    .list();
            return members;
        });
    }

    static String sessionsOfSql(SessionQuery query) {
        return sessionsSql(sessionsOfWhere(query));
    }

    private static String sessionsOfWhere(SessionQuery query) {
        return "where s.id in (" + pageOf(query) + ")";
    }

    /**
     * The ids of the member's sessions the query asks for, newest first. Only the member's own rows are in the
     * from clause, so both databases walk im_session_members_by_user (backwards from before_id, stopping at the
     * limit for a page) and test each session's other conditions by key; joining im_sessions here instead
     * lets H2 start from every private session of every user.
     */
    private static String pageOf(SessionQuery query) {
        StringBuilder page = new StringBuilder("""
                select me.session_id from im_session_members me where me.user_id = :me""");
        query.state().ifPresent(state -> page.append(" and me.state = :state"));
        query.beforeId().ifPresent(before -> page.append(" and me.session_id < :before"));
        page.append(" and exists (select 1 from im_sessions ps where ps.id = me.session_id and ps.group_id is ")
                .append(query.groups() ? "not null" : "null");
        query.group().ifPresent(group -> page.append(" and ps.group_id = :group"));
        page.append(")");
        query.document().ifPresent(d -> page.append(" and exists (select 1 from im_session_docs pd"
                + " where pd.session_id = me.session_id and pd.doc_model = :model and pd.doc_id = :doc)"));
        query.withMember().ifPresent(other -> page.append(" and exists (select 1 from im_session_members o"
                + " where o.session_id = me.session_id and o.user_id = :other)"));
        // ordered by the whole index key, so that H2 walks the index backwards instead of sorting
        query.limit().ifPresent(limit -> page.append(" order by me.user_id desc, me.session_id desc limit :limit"));
        return page.toString();
    }

    static void bindPage(Query q, UserId member, SessionQuery query) {
        q.bind("me", member.value());
        query.state().ifPresent(state -> q.bind("state", state.wireName()));
        query.beforeId().ifPresent(before -> q.bind("before", before));
        query.group().ifPresent(group -> q.bind("group", group.value()));
        query.document().ifPresent(d -> q.bind("model", d.model()).bind("doc", d.id()));
        query.withMember().ifPresent(other -> q.bind("other", other.value()));
        query.limit().ifPresent(limit -> q.bind("limit", limit));
    }

    /** Sessions with their members in one statement, newest session first. */
    private static List<ImSession> sessions(Handle h, String where, Consumer<Query> binder) {
        Query query = h.createQuery(sessionsSql(where));
        binder.accept(query);
        Map<Long, SessionRows> byId = new LinkedHashMap<>();
        query.map((rs, ctx) -> {
            long id = rs.getLong("id");
            byId.computeIfAbsent(id, k -> SessionRows.of(rs)).members.add(membership(rs));
            return id;
        }).list();
        return byId.values().stream().map(SessionRows::toSession).toList();
    }

    private static String sessionsSql(String where) {
        return SELECT_SESSIONS + where + " order by s.id desc, m.user_id";
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_message_id");
        OptionalLong lastMessage = rs.wasNull() || last == 0 ? OptionalLong.empty() : OptionalLong.of(last);
        long seen = rs.getLong("seen_message_id");
        OptionalLong seenMessage = rs.wasNull() || seen == 0 ? OptionalLong.empty() : OptionalLong.of(seen);
        return new Membership(UserId.of(rs.getLong("user_id")), SessionState.parse("state", rs.getString("state")),
                SessionStatus.parse("status", rs.getString("status")), rs.getBoolean("is_read"), lastMessage,
                seenMessage);
    }

    private record SessionRows(long id, UUID uuid, Instant createDate, Optional<GroupId> group,
                               Optional<DocumentLink> document, List<Membership> members) {
        static SessionRows of(ResultSet rs) {
            try {
                long group = rs.getLong("group_id");
                Optional<GroupId> groupId = rs.wasNull() ? Optional.empty() : Optional.of(GroupId.of(group));
                long link = rs.getLong("doc_link_id");
                Optional<DocumentLink> document = rs.wasNull() ? Optional.empty()
                        : Optional.of(new DocumentLink(link, new DocumentRef(rs.getString("doc_model"), rs.getString("doc_id"))));
                return new SessionRows(rs.getLong("id"), rs.getObject("uuid", UUID.class), instant(rs, "create_date"),
                        groupId, document, new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a session row", e);
            }
        }

        ImSession toSession() {
            return new ImSession(id, uuid, createDate, group, document, members);
        }
    }

    @Override
    public Set<UserId> addMembers(long sessionId, Collection<Membership> newcomers) {
        List<Membership> wanted = List.copyOf(newcomers);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        // two members opening the group session at once may both add a newcomer: the key settles it
        return jdbi.inTransaction(h -> {
            int[] inserted = insertMembers(h, sessionId, wanted, " on conflict do nothing");
            Set<UserId> added = new LinkedHashSet<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    added.add(wanted.get(i).user());
                }
            }
            return added;
        });
    }

    @Override
    public void removeMember(long sessionId, UserId member) {
        jdbi.useHandle(h -> h.createUpdate("delete from im_session_members where session_id = :s and user_id = :user")
                .bind("s", sessionId).bind("user", member.value()).execute());
    }

    @Override
    public void rekey(long sessionId, SessionKey newKey) {
        jdbi.useHandle(h -> h.createUpdate("update im_sessions set canonical_key = :key where id = :s")
                .bind("key", newKey.value()).bind("s", sessionId).execute());
    }

    @Override
    public ImSession lockMembers(ImSession session) {
        // in user order, so that two posts to one session never deadlock; holding these rows until commit is
        // also what makes one session's messages take ids in the order they commit
        List<Membership> locked = jdbi.withHandle(h -> h.createQuery(SELECT_MEMBERS
                        + " where session_id = :s order by user_id for update")
                .bind("s", session.id()).map((rs, ctx) -> membership(rs)).list());
        return new ImSession(session.id(), session.uuid(), session.createDate(), session.group(), session.document(),
                locked);
    }

    @Override
    public List<ImSession> lockMembersOf(Collection<ImSession> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<Long, ImSession> byId = new java.util.TreeMap<>();
        sessions.forEach(session -> byId.put(session.id(), session));
        // in session then user order: the same order as one session's lock, so no two writers deadlock
        Map<Long, List<Membership>> locked = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("select session_id, user_id, state, status, is_read, last_message_id,"
                        + " seen_message_id from im_session_members where session_id = any(:ids) order by session_id, user_id for update")
                .bindArray("ids", Long.class, List.copyOf(byId.keySet()))
                .map((rs, ctx) -> locked.computeIfAbsent(rs.getLong("session_id"), k -> new ArrayList<>())
                        .add(membership(rs))).list());
        return byId.values().stream().map(s -> new ImSession(s.id(), s.uuid(), s.createDate(), s.group(),
                s.document(), locked.getOrDefault(s.id(), List.of()))).toList();
    }

    @Override
    public ImSession lockMember(ImSession session, UserId member) {
        Optional<Membership> locked = jdbi.withHandle(h -> h.createQuery(SELECT_MEMBERS
                        + " where session_id = :s and user_id = :user for update")
                .bind("s", session.id()).bind("user", member.value()).map((rs, ctx) -> membership(rs)).findOne());
        return locked.map(m -> session.with(List.of(m))).orElse(session);
    }

    @Override
    public void saveMemberships(long sessionId, Collection<Membership> memberships) {
        if (memberships.isEmpty()) {
            return;
        }
        // one batch: one statement sent however many members a post changed
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    update im_session_members
                    set state = :state, status = :status, is_read = :read, last_message_id = :last,
                        seen_message_id = :seen
                    where session_id = :s and user_id = :user""");
            memberships.forEach(m -> bindMembership(batch.bind("s", sessionId), m).add());
            batch.execute();
        });
    }

    @Override
    public void saveMembershipsOf(Map<Long, ? extends Collection<Membership>> bySession) {
        if (bySession.values().stream().allMatch(Collection::isEmpty)) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    update im_session_members
                    set state = :state, status = :status, is_read = :read, last_message_id = :last,
                        seen_message_id = :seen
                    where session_id = :s and user_id = :user""");
            bySession.forEach((sessionId, memberships) ->
                    memberships.forEach(m -> bindMembership(batch.bind("s", sessionId), m).add()));
            batch.execute();
        });
    }

    @Override
    public List<ImMessage> appendAll(List<ImMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            List<ImMessage> stored = MessageRows.insert(h, messages);
            if (keepsWords) {
                MessageWords.insert(h, stored);
            }
            return stored;
        });
    }

    @Override
    public ImMessage append(ImMessage message) {
        return appendAll(List.of(message)).get(0);
    }

    @Override
    public List<ImMessage> history(long sessionId, OptionalLong beforeId, int limit) {
        // ordered by the whole index key, so that H2 walks the index backwards instead of sorting
        String sql = SELECT_MESSAGES + " where session_id = :s" + (beforeId.isPresent() ? " and id < :before" : "")
                + " order by session_id desc, id desc limit :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("s", sessionId).bind("limit", limit);
            beforeId.ifPresent(before -> query.bind("before", before));
            return query.map(MessageRows.MESSAGE).list();
        });
    }

    @Override
    public List<ImMessage> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT_MESSAGES + " where id = any(:ids) order by id")
                .bindArray("ids", Long.class, ids.stream().distinct().toList()).map(MessageRows.MESSAGE).list());
    }

    @Override
    public Optional<ImMessage> lockMessage(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_MESSAGES + " where id = :id for update")
                .bind("id", id).map(MessageRows.MESSAGE).findOne());
    }

    @Override
    public void saveChange(ImMessage changed) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                            update im_messages set content = :content, edit_date = :edited, delete_date = :deleted
                            where id = :id and session_id = :s""")
                    .bind("content", changed.content())
                    .bind("edited", changed.editDate().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null))
                    .bind("deleted", changed.deleteDate().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null))
                    .bind("id", changed.id()).bind("s", changed.sessionId())
                    .execute();
            if (updated != 1) {
                throw new IllegalArgumentException("no message " + changed.id() + " in session " + changed.sessionId());
            }
            MessageRows.replaceMentions(h, changed);
            if (keepsWords) {
                MessageWords.delete(h, changed.id());
                MessageWords.insert(h, List.of(changed));
            }
        });
    }

    @Override
    public List<Long> countUnread(List<Unread> unread) {
        return count(unread, false).stream().map(UnreadCount::messages).toList();
    }

    @Override
    public List<UnreadCount> countUnreadWithMentions(List<Unread> unread) {
        return count(unread, true);
    }

    /**
     * One statement for all: each row of the arrays counts one session's messages after a pointer, walking
     * im_messages_by_session from it, and, {@code withMentions}, the reader's mentions after it from their own index.
     */
    private List<UnreadCount> count(List<Unread> unread, boolean withMentions) {
        if (unread.isEmpty()) {
            return List.of();
        }
        String mentions = withMentions ? """
                , (select count(*) from im_message_mentions x
                   where x.user_id = q.reader and x.session_id = q.s and x.message_id > q.seen) as mentions""" : "";
        UnreadCount[] counts = new UnreadCount[unread.size()];
        jdbi.useHandle(h -> h.createQuery("""
                        select q.n, (select count(*) from im_messages m
                                     where m.session_id = q.s and m.id > q.seen and m.from_user_id <> q.reader) as unread"""
                        + mentions + """

                        from unnest(:sessions, :seen, :readers) with ordinality as q(s, seen, reader, n)""")
                .bindArray("sessions", Long.class, unread.stream().map(Unread::sessionId).toList())
                .bindArray("seen", Long.class, unread.stream().map(Unread::seenMessageId).toList())
                .bindArray("readers", Long.class, unread.stream().map(u -> u.member().value()).toList())
                .map((rs, ctx) -> counts[rs.getInt("n") - 1] = new UnreadCount(rs.getLong("unread"),
                        withMentions ? rs.getLong("mentions") : 0)).list());
        return List.of(counts);
    }

    @Override
    public List<UnreadSession> unreadPostedBefore(Instant cutoff, Optional<Unread> after, int limit) {
        // walks the members in key order; each one's oldest unread message is found on im_messages_by_session
        return jdbi.withHandle(h -> h.createQuery("""
                        select mem.session_id, mem.user_id, coalesce(mem.seen_message_id, 0) as seen, s.uuid
                        from im_session_members mem join im_sessions s on s.id = mem.session_id
                        where (mem.session_id > :afterSession or mem.session_id = :afterSession and mem.user_id > :afterUser)
                          and exists (select 1 from im_messages m where m.session_id = mem.session_id
                                      and m.id > coalesce(mem.seen_message_id, 0) and m.from_user_id <> mem.user_id
                                      and m.create_date <= :cutoff)
                        order by mem.session_id, mem.user_id limit :limit""")
                .bind("afterSession", after.map(Unread::sessionId).orElse(0L))
                .bind("afterUser", after.map(u -> u.member().value()).orElse(0L))
                .bind("cutoff", SqlTime.utc(cutoff)).bind("limit", limit)
                .map((rs, ctx) -> new UnreadSession(new Unread(rs.getLong("session_id"),
                        UserId.of(rs.getLong("user_id")), rs.getLong("seen")), rs.getObject("uuid", UUID.class)))
                .list());
    }

    @Override
    public List<List<ImMessage>> newestUnread(List<Unread> unread, int perMember) {
        if (unread.isEmpty()) {
            return List.of();
        }
        List<List<ImMessage>> found = new ArrayList<>();
        unread.forEach(u -> found.add(new ArrayList<>()));
        jdbi.useHandle(h -> h.createQuery("""
                        select * from (
                            select q.n, row_number() over (partition by q.n order by m.id desc) as pos, """
                        + MessageRows.COLUMNS + """
                            from unnest(:sessions, :seen, :readers) with ordinality as q(s, seen, reader, n)
                            join im_messages m on m.session_id = q.s and m.id > q.seen and m.from_user_id <> q.reader
                        ) x where x.pos <= :per order by x.n, x.id""")
                .bindArray("sessions", Long.class, unread.stream().map(Unread::sessionId).toList())
                .bindArray("seen", Long.class, unread.stream().map(Unread::seenMessageId).toList())
                .bindArray("readers", Long.class, unread.stream().map(u -> u.member().value()).toList())
                .bind("per", perMember)
                .map((rs, ctx) -> found.get(rs.getInt("n") - 1).add(MessageRows.MESSAGE.map(rs, ctx)))
                .list());
        return found.stream().map(List::copyOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
