package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventQuery;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events: pages in both directions with every filter, heads of items, and states now and then. */
public abstract class EventsContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");
    private RoomId room;
    private RoomId otherRoom;

    private RoomId newRoom(String audience) {
        EventRoom opened = EventRoom.open(new RoomId(UUID.randomUUID()), audience, JsonText.EMPTY_OBJECT, NOW);
        ports().eventRooms().insert(opened);
        return opened.id();
    }

    @BeforeEach
    void openRooms() {
        room = newRoom("example.org");
        otherRoom = newRoom("example.org");
    }

    private Event event(RoomId in, long occurredAt, String type, String set, String label, String attribute) {
        return event(in, occurredAt, occurredAt, type, set, label, attribute);
    }

    private Event event(RoomId in, long occurredAt, long original, String type, String set, String label,
                        String attribute) {
        return new Event(new EventId(UUID.randomUUID()), in, type, set, label, attribute,
                new JsonText("{\"n\":" + occurredAt + ",\"s\":\"é \\\"q\\\"\"}"), occurredAt, original, JOHN,
                NOW.truncatedTo(ChronoUnit.MILLIS));
    }

    private EventPage page(Set<String> types, String set, String label, String attribute, OptionalLong cursor,
                           Direction direction, int limit) {
        return ports().events().page(new EventQuery(room, types, set, label, attribute, cursor, direction, limit));
    }

    private static List<Long> times(EventPage page) {
        return page.events().stream().map(Event::occurredAt).toList();
    }

    @Test
    void an_appended_event_reads_back_exactly() {
        Event message = event(room, 7, 3, "message", "messages", "m1", "public");
        ports().events().append(List.of(message));

        EventPage page = page(Set.of(), null, null, null, OptionalLong.empty(), Direction.FORWARD, 10);

        assertThat(page.events()).containsExactly(message);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void pages_run_forward_and_backward_from_a_cursor_and_tell_where_the_next_starts() {
        EventStore events = ports().events();
        for (long t = 1; t <= 5; t++) {
            events.append(List.of(event(room, t * 10, "message", "messages", null, null)));
        }
        events.append(List.of(event(otherRoom, 25, "message", "messages", null, null)));

        EventPage newest = page(Set.of(), null, null, null, OptionalLong.empty(), Direction.BACKWARD, 2);
        assertThat(times(newest)).containsExactly(50L, 40L);
        assertThat(newest.nextCursor()).hasValue(40);
        EventPage older = page(Set.of(), null, null, null, newest.nextCursor(), Direction.BACKWARD, 2);
        assertThat(times(older)).containsExactly(30L, 20L);
        EventPage oldest = page(Set.of(), null, null, null, older.nextCursor(), Direction.BACKWARD, 2);
        assertThat(times(oldest)).containsExactly(10L);
        assertThat(oldest.nextCursor()).isEmpty();

        assertThat(times(page(Set.of(), null, null, null, OptionalLong.of(20), Direction.FORWARD, 10)))
                .containsExactly(30L, 40L, 50L);
        assertThat(times(page(Set.of(), null, null, null, OptionalLong.empty(), Direction.FORWARD, 2)))
                .containsExactly(10L, 20L);
    }

    @Test
    void pages_keep_only_events_matching_every_filter() {
        ports().events().append(List.of(
                event(room, 1, "message", "messages", "a", "public"),
                event(room, 2, "pin", "pins", "a", "public"),
                event(room, 3, "message", "messages", "b", "private"),
                event(room, 4, "layout", "layout", null, null),
                event(room, 5, "message", "messages", "a", "private")));

        assertThat(times(page(Set.of("message", "pin"), null, null, null, OptionalLong.empty(), Direction.FORWARD, 10)))
                .containsExactly(1L, 2L, 3L, 5L);
        assertThat(times(page(Set.of("message"), null, null, null, OptionalLong.empty(), Direction.FORWARD, 10)))
                .containsExactly(1L, 3L, 5L);
        assertThat(times(page(Set.of(), "messages", "a", null, OptionalLong.empty(), Direction.FORWARD, 10)))
                .containsExactly(1L, 5L);
        assertThat(times(page(Set.of(), null, null, "private", OptionalLong.empty(), Direction.BACKWARD, 10)))
                .containsExactly(5L, 3L);
        assertThat(times(page(Set.of(), "layout", null, null, OptionalLong.empty(), Direction.FORWARD, 10)))
                .containsExactly(4L);
        assertThat(times(page(Set.of("nothing"), null, null, null, OptionalLong.empty(), Direction.FORWARD, 10)))
                .isEmpty();
    }

    @Test
    void the_first_event_of_each_set_and_label_is_remembered() {
        EventStore events = ports().events();
        events.append(List.of(event(room, 1, "message", "messages", "a", null),
                event(room, 2, 1, "message", "messages", "a", null)));
        events.append(List.of(event(room, 3, "message", "messages", "b", null),
                event(room, 4, "layout", "layout", null, null)));
        events.append(List.of(event(room, 5, 1, "message", "messages", "a", null)));

        assertThat(events.firstOccurredAt(room, "messages", "a")).hasValue(1);
        assertThat(events.firstOccurredAt(room, "messages", "b")).hasValue(3);
        assertThat(events.firstOccurredAt(room, "layout", null)).hasValue(4);
        assertThat(events.firstOccurredAt(room, "messages", "c")).isEmpty();
        assertThat(events.firstOccurredAt(room, "pins", "a")).isEmpty();
        assertThat(events.firstOccurredAt(otherRoom, "messages", "a")).isEmpty();
    }

    @Test
    void the_state_holds_the_newest_event_per_label_of_each_set_newest_first() {
        EventStore events = ports().events();
        Event a1 = event(room, 1, "message", "messages", "a", null);
        Event b = event(room, 2, "message", "messages", "b", null);
        Event layout1 = event(room, 3, "layout", "layout", null, null);
        Event a2 = event(room, 4, 1, "message", "messages", "a", null);
        Event layout2 = event(room, 5, "layout", "layout", null, null);
        events.append(List.of(a1, b, layout1));
        events.append(List.of(a2, layout2));
        events.append(List.of(event(otherRoom, 6, "message", "messages", "c", null)));

        List<SetState> state = events.state(room, List.of("messages", "layout", "pins"), OptionalLong.empty(), 100);

        assertThat(state).containsExactly(new SetState("messages", List.of(a2, b)),
                new SetState("layout", List.of(layout2)), new SetState("pins", List.of()));
        assertThat(state.get(1).isSingleItem()).isTrue();
        assertThat(state.get(0).isSingleItem()).isFalse();
        assertThat(events.state(room, List.of("messages"), OptionalLong.empty(), 1))
                .containsExactly(new SetState("messages", List.of(a2)));
    }

    @Test
    void the_state_at_a_moment_is_what_it_was_then() {
        EventStore events = ports().events();
        Event a1 = event(room, 10, "message", "messages", "a", null);
        Event b = event(room, 20, "message", "messages", "b", null);
        Event layout1 = event(room, 30, "layout", "layout", null, null);
        Event a2 = event(room, 40, 10, "message", "messages", "a", null);
        Event c = event(room, 50, "message", "messages", "c", null);
        events.append(List.of(a1, b, layout1, a2, c));

        assertThat(events.state(room, List.of("messages", "layout"), OptionalLong.of(25), 100))
                .containsExactly(new SetState("messages", List.of(b, a1)), new SetState("layout", List.of()));
        assertThat(events.state(room, List.of("messages", "layout"), OptionalLong.of(40), 100))
                .containsExactly(new SetState("messages", List.of(a2, b)), new SetState("layout", List.of(layout1)));
        assertThat(events.state(room, List.of("messages"), OptionalLong.of(40), 1))
                .containsExactly(new SetState("messages", List.of(a2)));
        assertThat(events.state(room, List.of("messages"), OptionalLong.of(5), 100))
                .containsExactly(new SetState("messages", List.of()));
    }
}
