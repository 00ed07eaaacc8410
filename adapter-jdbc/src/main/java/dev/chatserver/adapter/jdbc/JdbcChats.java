package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.AlreadyExists;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Chats; the unique constraints of {@code chats} settle races on a key or a room. */
final class JdbcChats implements ChatStore {
    private static final String SELECT = "select id, audience, scope, tags, room_id, created_at from chats";
    private static final RowMapper<Chat> CHAT = (rs, ctx) -> new Chat(
            new ChatId(rs.getObject("id", UUID.class)),
            new ChatKey(rs.getString("audience"), rs.getString("scope")),
            new JsonText(rs.getString("tags")),
            SqlTime.instant(rs, "created_at"),
            new RoomId(rs.getObject("room_id", UUID.class)));

    private final Jdbi jdbi;

    JdbcChats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Chat chat) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into chats (id, audience, scope, tags, room_id, created_at)
                            values (:id, :audience, :scope, :tags, :room, :created)""")
                    .bind("id", chat.id().value())
                    .bind("audience", chat.audience())
                    .bind("scope", chat.scope())
                    .bind("tags", chat.tags().value())
                    .bind("room", chat.roomId().value())
                    .bind("created", SqlTime.utc(chat.createdAt()))
                    .execute());
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            if (mentions(e, "chats_room_unique")) {
                throw new AlreadyExists("room_already_attached", "event_room_id",
                        "the event room " + chat.roomId() + " belongs to another chat already");
            }
            throw new AlreadyExists("chat_already_exists", "scope",
                    "the audience " + chat.audience() + " has a chat with the scope " + chat.scope() + " already");
        }
    }

    /** PostgreSQL names the violated constraint in its message, H2 the index it made for it. */
    private static boolean mentions(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Chat> chat(ChatId id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where id = :id")
                .bind("id", id.value()).map(CHAT).findOne());
    }

    @Override
    public Optional<Chat> chat(ChatKey key) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where audience = :audience and scope = :scope")
                .bind("audience", key.audience()).bind("scope", key.scope()).map(CHAT).findOne());
    }

    @Override
    public Optional<Chat> chatOfRoom(RoomId room) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where room_id = :room")
                .bind("room", room.value()).map(CHAT).findOne());
    }
}
