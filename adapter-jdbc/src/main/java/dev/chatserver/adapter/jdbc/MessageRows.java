package dev.chatserver.adapter.jdbc;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;
import static dev.chatserver.adapter.jdbc.SqlTime.utc;

/**
 * An IM message as a row of {@code im_messages}, written once for every store that reads or inserts one: the
 * columns a message is read from, the row read back as an {@link ImMessage}, and the insert (with what a reply
 * answers, kept in {@code im_message_replies}, and whom it mentions, kept in {@code im_message_mentions}).
 */
final class MessageRows {
    /**
     * The columns of a message, in a query that calls {@code im_messages} {@code m}; what it replies to is kept
     * beside it ({@code im_message_replies}, by its primary key) and read in the same statement, as are whom it
     * mentions ({@code im_message_mentions}, by the first column of its primary key).
     */
    static final String COLUMNS =
            "m.id, m.session_id, m.from_user_id, m.message_type, m.content, m.create_date, m.edit_date, m.delete_date, "
            + "(select r.reply_to_id from im_message_replies r where r.message_id = m.id) as reply_to_id, "
            + "(select array_agg(x.user_id) from im_message_mentions x where x.message_id = m.id) as mentions";

    /** A row holding {@link #COLUMNS}, as the message it stores. */
    static final RowMapper<ImMessage> MESSAGE = (rs, ctx) -> new ImMessage(rs.getLong("id"), rs.getLong("session_id"),
            UserId.of(rs.getLong("from_user_id")), new MessageType(rs.getString("message_type")),
            rs.getString("content"), instant(rs, "create_date"), Optional.ofNullable(instant(rs, "edit_date")),
            Optional.ofNullable(instant(rs, "delete_date")), replyToId(rs), mentions(rs));

    private static final String INSERT = """
            insert into im_messages (session_id, from_user_id, message_type, content, create_date)
            values (:s, :from, :type, :content, :created)""";
    private static final String INSERT_REPLY = """
            insert into im_message_replies (message_id, reply_to_id) values (:message, :replyTo)""";
    private static final String INSERT_MENTION = """
            insert into im_message_mentions (message_id, user_id, session_id) values (:message, :user, :s)""";

    private MessageRows() {
    }

    /** In any order: the message puts them in its own. */
    private static List<UserId> mentions(ResultSet rs) throws SQLException {
        Array array = rs.getArray("mentions");
        if (array == null) {
            return List.of();
        }
        try {
            List<UserId> users = new ArrayList<>();
            for (Object user : (Object[]) array.getArray()) {
                users.add(UserId.of(((Number) user).longValue()));
            }
            return users;
        } finally {
            array.free();
        }
    }

    private static Optional<Long> replyToId(ResultSet rs) throws SQLException {
        long id = rs.getLong("reply_to_id");
        return rs.wasNull() ? Optional.empty() : Optional.of(id);
    }

    /**
     * Stores {@code messages}, unsaved as their sessions decided them, in one batch and answers them as stored, with
     * their ids, in order. A message not stored yet has no id and was never edited nor deleted: those come later
     * ({@code saveChange}).
     */
    static List<ImMessage> insert(Handle handle, List<ImMessage> messages) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        ImMessage.Components<PreparedBatch> row = (id, sessionId, from, type, content, createDate, editDate,
                deleteDate, replyToId, mentions) -> batch.bind("s", sessionId)
                .bind("from", from.value())
                .bind("type", type.value())
                .bind("content", content)
                .bind("created", utc(createDate))
                .add();
        for (ImMessage message : messages) {
            if (message.isStored()) {
                throw new IllegalArgumentException("message " + message.id() + " is stored already");
            }
            message.deconstruct(row);
        }
        // both drivers give the generated keys of a batch in the order its rows were added
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != messages.size()) {
            throw new IllegalStateException("stored " + messages.size() + " messages but got " + ids.size() + " ids");
        }
        List<ImMessage> stored = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            stored.add(messages.get(i).storedAs(ids.get(i)));
        }
        // what the replies answer, in one statement more for a batch that holds any
        PreparedBatch replies = handle.prepareBatch(INSERT_REPLY);
        for (ImMessage message : stored) {
            message.replyToId().ifPresent(to -> replies.bind("message", message.id()).bind("replyTo", to).add());
        }
        if (replies.size() > 0) {
            replies.execute();
        }
        insertMentions(handle, stored);
        return stored;
    }

    /** Whom the messages mention, in one statement for all of them, none when they mention nobody. */
    static void insertMentions(Handle handle, List<ImMessage> messages) {
        PreparedBatch mentions = handle.prepareBatch(INSERT_MENTION);
        for (ImMessage message : messages) {
            message.mentions().forEach(user -> mentions.bind("message", message.id()).bind("user", user.value())
                    .bind("s", message.sessionId()).add());
        }
        if (mentions.size() > 0) {
            mentions.execute();
        }
    }

    /** Whom the changed message mentions now, instead of whom it did: one statement, two when it mentions anyone. */
    static void replaceMentions(Handle handle, ImMessage changed) {
        handle.createUpdate("delete from im_message_mentions where message_id = :message")
                .bind("message", changed.id()).execute();
        insertMentions(handle, List.of(changed));
    }
}
