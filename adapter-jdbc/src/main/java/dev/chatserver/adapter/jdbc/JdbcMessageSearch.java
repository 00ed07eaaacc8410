package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.MessageSearch;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.SearchWords;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Message search on each database's own full-text index (migration V35 in {@code db/vendor}): on PostgreSQL the
 * GIN index on {@code to_tsvector('simple', content)}, on H2 the word table {@code im_message_words} (migration V37,
 * {@link MessageWords}). Either way one statement, which checks the searcher's memberships: a message of a session
 * they are not in is never read out of it.
 */
final class JdbcMessageSearch implements MessageSearch {
    private static final String COLUMNS = """
            select %s, s.uuid, s.group_id is not null as group_session
            """.formatted(MessageRows.COLUMNS);
    private static final String OF_MEMBER = """
            join im_session_members me on me.session_id = m.session_id and me.user_id = :member
            join im_sessions s on s.id = m.session_id
            """;
    // the messages holding the words, found in the GIN index first (materialized, so that PostgreSQL does not walk
    // the member's messages newest first parsing each, which it prefers when the member is in most sessions: 200 ms
    // a search on 1,000,000 messages), then kept where the member is in the session, newest first
    private static final String POSTGRES_MATCHED = """
            with matched as materialized (
                select id from im_messages
                where to_tsvector('simple', content) @@ plainto_tsquery('simple', :words)%s)
            """;
    private static final String POSTGRES_MATCHES = """
            from matched x
            join im_messages m on m.id = x.id
            """ + OF_MEMBER;
    // the newest entries of one word, walked backwards on the word table's key (word, message_id), kept while the
    // member is in the message's session and the message holds the other words, until the limit is reached
    // H2 is told the key: left to itself it takes the longer one for every search and then sorts the whole word
    private static final String H2_MATCHES = """
            from im_message_words w use index (%s)
            join im_messages m on m.id = w.message_id
            join im_sessions s on s.id = w.session_id
            where w.word = :walked
            and exists (select 1 from im_session_members me where me.session_id = w.session_id and me.user_id = :member)
            """;
    private static final String H2_ALSO_HOLDS = """
             and exists (select 1 from im_message_words o%1$d where o%1$d.word = :also%1$d and o%1$d.message_id = w.message_id)""";

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
            Query query = h.createQuery(searchSql(kind, words.words().size(), sessionId.isPresent(),
                    beforeId.isPresent()));
            bind(query, kind, member, words, sessionId, beforeId, limit);
            return query.map((rs, ctx) -> new FoundMessage(MessageRows.MESSAGE.map(rs, ctx),
                    rs.getObject("uuid", UUID.class), rs.getBoolean("group_session"))).list();
        });
    }

    static String searchSql(String kind, int words, boolean inOneSession, boolean below) {
        if (kind.equals("postgres")) {
            return POSTGRES_MATCHED.formatted((inOneSession ? " and session_id = :session" : "")
                    + (below ? " and id < :before" : ""))
                    + COLUMNS + POSTGRES_MATCHES + " order by m.id desc limit :limit";
        }
        StringBuilder sql = new StringBuilder(COLUMNS)
                .append(H2_MATCHES.formatted(inOneSession ? "im_message_words_by_session" : "im_message_words_by_word"));
        for (int i = 1; i < words; i++) {
            sql.append(H2_ALSO_HOLDS.formatted(i));
        }
        return sql.append(inOneSession ? " and w.session_id = :session" : "")
                .append(below ? " and w.message_id < :before" : "")
                // by the whole key of the index it should walk (within one session, that session's entries only),
                // so that H2 walks it backwards from the newest entry instead of sorting
                .append(inOneSession ? " order by w.word desc, w.session_id desc, w.message_id desc limit :limit"
                        : " order by w.word desc, w.message_id desc limit :limit").toString();
    }

    static void bind(Query query, String kind, UserId member, SearchWords words, OptionalLong sessionId,
                     OptionalLong beforeId, int limit) {
        query.bind("member", member.value()).bind("limit", limit);
        if (kind.equals("postgres")) {
            query.bind("words", words.joined());
        } else {
            List<String> ordered = walkedFirst(words);
            query.bind("walked", ordered.get(0));
            for (int i = 1; i < ordered.size(); i++) {
                query.bind("also" + i, ordered.get(i));
            }
        }
        sessionId.ifPresent(id -> query.bind("session", id));
        beforeId.ifPresent(before -> query.bind("before", before));
    }

    /**
     * The words with the one to walk first: the longest, as the likeliest to be rare (no statistics of the words
     * are kept); the others are looked up for each message the walk meets.
     */
    static List<String> walkedFirst(SearchWords words) {
        List<String> ordered = new ArrayList<>(words.words());
        String longest = ordered.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        ordered.remove(longest);
        ordered.add(0, longest);
        return ordered;
    }
}
