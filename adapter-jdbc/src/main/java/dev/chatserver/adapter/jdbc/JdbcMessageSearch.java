package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.SearchWords;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;

/**
 * Message search on each database's own full-text index (migration V35 in {@code db/vendor}): on PostgreSQL the
 * GIN index on {@code to_tsvector('simple', content)}, on H2 its native full-text search ({@code ft_search_data}).
 * Either way one statement, which joins the searcher's memberships: a message of a session they are not in is
 * never read out of it.
 */
final class JdbcMessageSearch implements MessageSearch {
    private static final String COLUMNS = """
            select m.id, m.session_id, m.from_user_id, m.message_type, m.content, m.create_date,
                   s.uuid, s.group_id is not null as group_session
            """;
    private static final String OF_MEMBER = """
            join im_session_members me on me.session_id = m.session_id and me.user_id = :member
            join im_sessions s on s.id = m.session_id
            """;
    private static final String POSTGRES_MATCHES = """
            from im_messages m
            """ + OF_MEMBER + """
            where to_tsvector('simple', m.content) @@ plainto_tsquery('simple', :words)
            """;
    // H2's search answers the key of every matching row in the database; the join keeps the member's
    private static final String H2_MATCHES = """
            from ft_search_data(:words, 0, 0) ft
            join im_messages m on m.id = cast(ft."KEYS"[1] as bigint)
            """ + OF_MEMBER + """
            where ft."TABLE" = 'im_messages'
            """;

    private final Jdbi jdbi;
    private final String kind;

    JdbcMessageSearch(Jdbi jdbi, String kind) {
        this.jdbi = jdbi;
        this.kind = kind;
    }

    @Override
    public List<FoundMessage> search(UserId member, SearchWords words, OptionalLong sessionId, OptionalLong beforeId,
                                     int limit) {
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(searchSql(kind, sessionId.isPresent(), beforeId.isPresent()));
            bind(query, member, words, sessionId, beforeId, limit);
            return query.map((rs, ctx) -> new FoundMessage(new ImMessage(rs.getLong("id"), rs.getLong("session_id"),
                            UserId.of(rs.getLong("from_user_id")), new MessageType(rs.getString("message_type")),
                            rs.getString("content"), instant(rs, "create_date")),
                    rs.getObject("uuid", UUID.class), rs.getBoolean("group_session"))).list();
        });
    }

    static String searchSql(String kind, boolean inOneSession, boolean below) {
        return COLUMNS + (kind.equals("postgres") ? POSTGRES_MATCHES : H2_MATCHES)
                + (inOneSession ? " and m.session_id = :session" : "")
                + (below ? " and m.id < :before" : "")
                + " order by m.id desc limit :limit";
    }

    static void bind(Query query, UserId member, SearchWords words, OptionalLong sessionId, OptionalLong beforeId,
                     int limit) {
        query.bind("member", member.value()).bind("words", words.joined()).bind("limit", limit);
        sessionId.ifPresent(id -> query.bind("session", id));
        beforeId.ifPresent(before -> query.bind("before", before));
    }
}
