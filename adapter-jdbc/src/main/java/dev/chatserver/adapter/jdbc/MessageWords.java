package dev.chatserver.adapter.jdbc;

import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.SearchWords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * H2's search index: table {@code im_message_words} holds one row per distinct word of each message, as
 * {@link SearchWords#wordsOf} splits it, keyed by (word, message id) so that the newest messages holding a word
 * are read by walking that key backwards. Kept by the store in the transaction that writes the message
 * (PostgreSQL has its GIN index instead, and no such table).
 */
public final class MessageWords {
    static final String INSERT = "insert into im_message_words (word, message_id, session_id) values (?, ?, ?)";
    private static final int FILL_CHUNK = 2_000;

    private MessageWords() {
    }

    /** One batched insert of the words of all of {@code messages}; nothing when none of them holds a word. */
    static void insert(Handle handle, Collection<ImMessage> messages) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (ImMessage message : messages) {
            for (String word : SearchWords.wordsOf(message.content())) {
                batch.add(word, message.id(), message.sessionId());
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    static void delete(Handle handle, long messageId) {
        handle.execute("delete from im_message_words where message_id = ?", messageId);
    }

    /**
     * Indexes the messages above id {@code afterId}, in id order, a chunk of messages at a time with one batch for
     * the words of each chunk: for the migration that creates the table (in its transaction) and for a bulk loader
     * that inserted message rows itself (the benchmark's {@code LoadData}, which commits each chunk). Answers the
     * highest id indexed.
     */
    public static long fill(Connection connection, long afterId, boolean commitEachChunk) throws SQLException {
        long last = afterId;
        try (PreparedStatement read = connection.prepareStatement(
                "select id, session_id, content from im_messages where id > ? order by id limit " + FILL_CHUNK);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int read0;
            do {
                read.setLong(1, last);
                read0 = 0;
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        read0++;
                        last = rows.getLong(1);
                        for (String word : SearchWords.wordsOf(rows.getString(3))) {
                            insert.setString(1, word);
                            insert.setLong(2, last);
                            insert.setLong(3, rows.getLong(2));
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
                if (commitEachChunk) {
                    connection.commit();
                }
            } while (read0 == FILL_CHUNK);
        }
        return last;
    }

    static void createTable(Statement statement) throws SQLException {
        statement.execute("""
                create table im_message_words (
                    word       varchar     not null,
                    message_id bigint      not null,
                    session_id bigint      not null
                )""");
        statement.execute("create unique index im_message_words_by_word on im_message_words (word, message_id)");
        statement.execute("create index im_message_words_of_message on im_message_words (message_id)");
    }
}
