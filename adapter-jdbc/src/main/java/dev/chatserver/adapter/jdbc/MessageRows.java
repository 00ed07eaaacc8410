package dev.chatserver.adapter.jdbc;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewMessage;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.chatserver.adapter.jdbc.SqlTime.instant;
import static dev.chatserver.adapter.jdbc.SqlTime.utc;

/**
 * An IM message as a row of {@code im_messages}, written once for every store that reads or inserts one: the
 * columns a message is read from, the row read back as an {@link ImMessage}, and the insert.
 */
final class MessageRows {
    /** The columns of a message, in a query that calls {@code im_messages} {@code m}. */
    static final String COLUMNS =
            "m.id, m.session_id, m.from_user_id, m.message_type, m.content, m.create_date, m.edit_date, m.delete_date";

    /** A row holding {@link #COLUMNS}, as the message it stores. */
    static final RowMapper<ImMessage> MESSAGE = (rs, ctx) -> new ImMessage(rs.getLong("id"), rs.getLong("session_id"),
            UserId.of(rs.getLong("from_user_id")), new MessageType(rs.getString("message_type")),
            rs.getString("content"), instant(rs, "create_date"), Optional.ofNullable(instant(rs, "edit_date")),
            Optional.ofNullable(instant(rs, "delete_date")));

    private static final String INSERT = """
            insert into im_messages (session_id, from_user_id, message_type, content, create_date)
            values (:s, :from, :type, :content, :created)""";

    private MessageRows() {
    }

    /** Stores {@code messages} in one batch and answers them with their ids, in order. */
    static List<ImMessage> insert(Handle handle, List<NewMessage> messages) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        messages.forEach(message -> batch.bind("s", message.sessionId())
                .bind("from", message.from().value())
                .bind("type", message.type().value())
                .bind("content", message.content())
                .bind("created", utc(message.createDate()))
                .add());
        // both drivers give the generated keys of a batch in the order its rows were added
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != messages.size()) {
            throw new IllegalStateException("stored " + messages.size() + " messages but got " + ids.size() + " ids");
        }
        List<ImMessage> stored = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            stored.add(messages.get(i).storedAs(ids.get(i)));
        }
        return stored;
    }
}
