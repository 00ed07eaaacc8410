package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.im.GroupSettings;
import dev.chatserver.domain.im.Posting;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Group conversations' settings in im_group_conversations and im_group_admins (V51). */
final class JdbcGroupConversations implements GroupConversations {
    private static final String SELECT = """
            select c.session_id, c.name, c.posting, a.user_id
            from im_group_conversations c left join im_group_admins a on a.session_id = c.session_id
            """;

    private final Jdbi jdbi;

    JdbcGroupConversations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(long sessionId, GroupSettings settings) {
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into im_group_conversations (session_id, name, posting) values (:s, :name, :posting)")
                    .bind("s", sessionId).bind("name", settings.name().value())
                    .bind("posting", settings.posting().value()).execute();
            insertAdmins(h, sessionId, settings.admins());
        });
    }

    @Override
    public Optional<GroupSettings> lock(long sessionId) {
        return jdbi.withHandle(h -> {
            // the conversation's row is the lock every change of it takes first; admins are read after it
            Optional<Row> row = h.createQuery(
                            "select name, posting from im_group_conversations where session_id = :s for update")
                    .bind("s", sessionId)
                    .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("posting"))).findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Set<UserId> admins = new HashSet<>(h.createQuery(
                            "select user_id from im_group_admins where session_id = :s")
                    .bind("s", sessionId).mapTo(Long.class).map(UserId::of).list());
            return Optional.of(row.get().settings(admins));
        });
    }

    @Override
    public void save(long sessionId, GroupSettings settings) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update im_group_conversations set name = :name, posting = :posting where session_id = :s")
                    .bind("s", sessionId).bind("name", settings.name().value())
                    .bind("posting", settings.posting().value()).execute();
            h.createUpdate("delete from im_group_admins where session_id = :s").bind("s", sessionId).execute();
            insertAdmins(h, sessionId, settings.admins());
        });
    }

    @Override
    public Map<Long, GroupSettings> of(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, Set<UserId>> admins = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(SELECT + " where c.session_id = any(:ids)")
                .bindArray("ids", Long.class, List.copyOf(new HashSet<>(sessionIds)))
                .map((rs, ctx) -> {
                    long session = rs.getLong("session_id");
                    rows.putIfAbsent(session, new Row(rs.getString("name"), rs.getString("posting")));
                    Set<UserId> ofSession = admins.computeIfAbsent(session, k -> new HashSet<>());
                    long admin = rs.getLong("user_id");
                    if (!rs.wasNull()) {
                        ofSession.add(UserId.of(admin));
                    }
                    return session;
                }).list());
        Map<Long, GroupSettings> found = new LinkedHashMap<>();
        rows.forEach((session, row) -> found.put(session, row.settings(admins.get(session))));
        return found;
    }

    private static void insertAdmins(Handle h, long sessionId, Set<UserId> admins) {
        if (admins.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("insert into im_group_admins (session_id, user_id) values (:s, :user)");
        admins.forEach(admin -> batch.bind("s", sessionId).bind("user", admin.value()).add());
        batch.execute();
    }

    private record Row(String name, String posting) {
        GroupSettings settings(Set<UserId> admins) {
            return new GroupSettings(new GroupName(name), Posting.parse("posting", posting), admins);
        }
    }
}
