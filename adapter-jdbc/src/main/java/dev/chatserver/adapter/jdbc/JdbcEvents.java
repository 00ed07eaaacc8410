package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Stored events, and the head of each set and label (its first and newest event) that keeps reading a state
 * as cheap in a room of millions of events as in a new one. Every read is one statement per set at most.
 */
final class JdbcEvents implements EventStore {
    /** How the column {@code label} says that an event has none: labels from the API are never blank. */
    private static final String NO_LABEL = "";
    private static final String COLUMNS = """
            e.id, e.room_id, e.type, e.set_name, e.label, e.attribute, e.data, e.occurred_at,
            e.original_occurred_at, e.created_by, e.created_at""";
    private static final RowMapper<Event> EVENT = (rs, ctx) -> new Event(
            new EventId(rs.getObject("id", UUID.class)),
            new RoomId(rs.getObject("room_id", UUID.class)),
            rs.getString("type"),
            rs.getString("set_name"),
            labelOf(rs.getString("label")),
            rs.getString("attribute"),
            new JsonText(rs.getString("data")),
            rs.getLong("occurred_at"),
            rs.getLong("original_occurred_at"),
            AccountId.fromKey(rs.getString("created_by")),
            SqlTime.instant(rs, "created_at"));

    /** Each set's newest labels, through the index on the heads, then each head's event by its unique key. */
    static final String CURRENT_STATE = "select " + COLUMNS + """
             from chat_event_heads h
            join chat_events e on e.room_id = h.room_id and e.occurred_at = h.last_occurred_at
            where h.room_id = :room and h.set_name = :set
            order by h.last_occurred_at desc
            limit :limit""";

    /** The labels that existed by then, each with its newest event by then, found in the index on items. */
    static final String PAST_STATE = "select " + COLUMNS + """
             from chat_event_heads h
            join chat_events e on e.room_id = h.room_id and e.occurred_at = (
                select max(x.occurred_at) from chat_events x
                where x.room_id = h.room_id and x.set_name = h.set_name and x.label = h.label
                  and x.occurred_at <= :at)
            where h.room_id = :room and h.set_name = :set and h.first_occurred_at <= :at
            order by e.occurred_at desc
            limit :limit""";

    private final Jdbi jdbi;

    JdbcEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String labelOf(String column) {
        return NO_LABEL.equals(column) ? null : column;
    }

    private static String columnOf(String label) {
        return label == null ? NO_LABEL : label;
    }

    @Override
    public void append(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            insertEvents(h, events);
            advanceHeads(h, events);
        });
    }

    private static void insertEvents(Handle h, List<Event> events) {
        PreparedBatch batch = h.prepareBatch("""
                insert into chat_events (id, room_id, type, set_name, label, attribute, data, occurred_at,
                                         original_occurred_at, created_by, created_at)
                values (:id, :room, :type, :set, :label, :attribute, :data, :occurred, :original, :by, :created)""");
        for (Event event : events) {
            batch.bind("id", event.id().value())
                    .bind("room", event.roomId().value())
                    .bind("type", event.type())
                    .bind("set", event.set())
                    .bind("label", columnOf(event.label()))
                    .bind("attribute", event.attribute())
                    .bind("data", event.data().value())
                    .bind("occurred", event.occurredAt())
                    .bind("original", event.originalOccurredAt())
                    .bind("by", event.createdBy().key())
                    .bind("created", SqlTime.utc(event.createdAt()))
                    .add();
        }
        batch.execute();
    }

    /** Moves each item's head to its newest event, creating the heads of items seen for the first time. */
    private static void advanceHeads(Handle h, List<Event> events) {
        Map<List<Object>, Event[]> firstAndLast = new LinkedHashMap<>();
        for (Event event : events) {
            Event[] ends = firstAndLast.computeIfAbsent(
                    List.of(event.roomId().value(), event.set(), columnOf(event.label())), k -> new Event[]{event, event});
            ends[1] = event;
        }
        List<Event[]> items = new ArrayList<>(firstAndLast.values());
        PreparedBatch update = h.prepareBatch("""
                update chat_event_heads set last_occurred_at = :last where item_id = :item""");
        for (Event[] ends : items) {
            Event last = ends[1];
            update.bind("item", itemId(last.roomId(), last.set(), last.label())).bind("last", last.occurredAt()).add();
        }
        int[] updated = update.execute();
        PreparedBatch insert = h.prepareBatch("""
                insert into chat_event_heads (item_id, room_id, set_name, label, first_occurred_at, last_occurred_at)
                values (:item, :room, :set, :label, :first, :last)""");
        for (int i = 0; i < items.size(); i++) {
            if (updated[i] == 0) {
                Event[] ends = items.get(i);
                bindItem(insert, ends[0]).bind("first", ends[0].occurredAt()).bind("last", ends[1].occurredAt()).add();
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    private static PreparedBatch bindItem(PreparedBatch batch, Event event) {
        return batch.bind("item", itemId(event.roomId(), event.set(), event.label()))
                .bind("room", event.roomId().value()).bind("set", event.set()).bind("label", columnOf(event.label()));
    }

    /** The key of a set and label in a room; names never hold control characters, so NUL separates them. */
    static UUID itemId(RoomId room, String set, String label) {
        String name = room.value() + "\u0000" + set + "\u0000" + columnOf(label);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OptionalLong firstOccurredAt(RoomId room, String set, String label) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select first_occurred_at from chat_event_heads where item_id = :item""")
                .bind("item", itemId(room, set, label))
                .mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    @Override
    public List<Event> byIds(java.util.Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from chat_events e where e.id in (<ids>)")
                .bindList("ids", ids.stream().map(EventId::value).toList()).map(EVENT).list());
    }

    @Override
    public EventPage page(EventQuery query) {
        String sql = pageSql(query);
        List<Event> fetched = jdbi.withHandle(h -> {
            Query select = h.createQuery(sql)
                    .bind("room", query.room().value())
                    .bind("limit", query.limit() + 1);
            if (!query.types().isEmpty()) {
                select.bindList("types", List.copyOf(query.types()));
            }
            if (query.set() != null) {
                select.bind("set", query.set());
            }
            if (query.label() != null) {
                select.bind("label", query.label());
            }
            if (query.attribute() != null) {
                select.bind("attribute", query.attribute());
            }
            query.cursor().ifPresent(cursor -> select.bind("cursor", cursor));
            return select.map(EVENT).list();
        });
        return EventPage.of(fetched, query.limit());
    }

    /** The one statement of a page: only the filters asked for, so that the planner picks the fitting index. */
    static String pageSql(EventQuery query) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from chat_events e where e.room_id = :room");
        if (!query.types().isEmpty()) {
            sql.append(" and e.type in (<types>)");
        }
        if (query.set() != null) {
            sql.append(" and e.set_name = :set");
        }
        if (query.label() != null) {
            sql.append(" and e.label = :label");
        }
        if (query.attribute() != null) {
            sql.append(" and e.attribute = :attribute");
        }
        boolean forward = query.direction() == Direction.FORWARD;
        if (query.cursor().isPresent()) {
            sql.append(forward ? " and e.occurred_at > :cursor" : " and e.occurred_at < :cursor");
        }
        return sql.append(forward ? " order by e.occurred_at asc" : " order by e.occurred_at desc")
                .append(" limit :limit").toString();
    }

    @Override
    public List<SetState> state(RoomId room, List<String> sets, OptionalLong at, int limit) {
        return jdbi.withHandle(h -> sets.stream().map(set -> {
            Query select = h.createQuery(at.isPresent() ? PAST_STATE : CURRENT_STATE)
                    .bind("room", room.value()).bind("set", set).bind("limit", limit);
            at.ifPresent(time -> select.bind("at", time));
            return new SetState(set, select.map(EVENT).list());
        }).toList());
    }
}
