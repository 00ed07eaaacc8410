package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Event rooms; holding one for update is a row lock until the transaction ends. */
final class JdbcEventRooms implements EventRoomStore {
    private static final String SELECT = """
            select id, audience, tags, opened_at, closed_at, created_at, last_occurred_at, locked_types
            from event_rooms where id = :id""";
    private static final RowMapper<EventRoom> ROOM = (rs, ctx) -> new EventRoom(
            new RoomId(rs.getObject("id", UUID.class)),
            rs.getString("audience"),
            new JsonText(rs.getString("tags")),
            SqlTime.instant(rs, "opened_at"),
            SqlTime.instant(rs, "closed_at"),
            SqlTime.instant(rs, "created_at"),
            rs.getLong("last_occurred_at"),
            lockedTypes(rs.getString("locked_types")));
    /** Joins the sorted types: no type holds a control character. */
    private static final String TYPE_SEPARATOR = "\n";

    private final Jdbi jdbi;

    JdbcEventRooms(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(EventRoom room) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into event_rooms (id, audience, tags, opened_at, closed_at, last_occurred_at, created_at,
                                                 locked_types)
                        values (:id, :audience, :tags, :opened, :closed, :last, :created, :locked)""")
                .bind("locked", String.join(TYPE_SEPARATOR, room.lockedTypes()))
                .bind("id", room.id().value())
                .bind("audience", room.audience())
                .bind("tags", room.tags().value())
                .bind("opened", SqlTime.utc(room.openedAt()))
                .bind("closed", SqlTime.utc(room.closedAt()))
                .bind("last", room.lastOccurredAt())
                .bind("created", SqlTime.utc(room.createdAt()))
                .execute());
    }

    @Override
    public Optional<EventRoom> room(RoomId id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT).bind("id", id.value()).map(ROOM).findOne());
    }

    @Override
    public Optional<EventRoom> roomForUpdate(RoomId id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " for update").bind("id", id.value()).map(ROOM).findOne());
    }

    @Override
    public void update(EventRoom room) {
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                        update event_rooms set closed_at = :closed, last_occurred_at = :last, locked_types = :locked
                        where id = :id""")
                .bind("locked", String.join(TYPE_SEPARATOR, room.lockedTypes()))
                .bind("id", room.id().value())
                .bind("closed", SqlTime.utc(room.closedAt()))
                .bind("last", room.lastOccurredAt())
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("no event room has the id " + room.id());
        }
    }

    private static List<String> lockedTypes(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(TYPE_SEPARATOR));
    }
}
