package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRoomTest {
    private static final Instant OPENED = Instant.parse("2026-11-21T10:00:00.000001Z");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");
    private static final JsonText DATA = new JsonText("{\"text\":\"hi\"}");
    private static final EventRoom ROOM =
            EventRoom.open(new RoomId(UUID.randomUUID()), "example.org", JsonText.EMPTY_OBJECT, OPENED);

    private static NewEvent draft(String set, String label) {
        return new NewEvent("message", set, label, "public", DATA, JOHN);
    }

    private static EventId anId() {
        return new EventId(UUID.randomUUID());
    }

    private static AppendedEvent append(EventRoom room, Instant now) {
        return room.append(now, anId(), draft("messages", null), OptionalLong.empty());
    }

    @Test
    void an_appended_event_occurs_in_nanoseconds_since_the_opening_and_the_room_remembers_it() {
        EventId id = anId();
        Instant now = OPENED.plusNanos(1_234_567_891);

        AppendedEvent appended = ROOM.append(now, id, draft("messages", "m1"), OptionalLong.empty());

        Event event = appended.event();
        assertThat(event).isEqualTo(new Event(id, ROOM.id(), "message", "messages", "m1", "public", DATA,
                1_234_567_891L, 1_234_567_891L, JOHN, Instant.parse("2026-11-21T10:00:01.234Z")));
        assertThat(appended.room()).isEqualTo(new EventRoom(ROOM.id(), "example.org", JsonText.EMPTY_OBJECT, OPENED,
                null, OPENED, 1_234_567_891L));
        assertThat(ROOM.lastOccurredAt()).isEqualTo(EventRoom.NONE_YET);
    }

    @Test
    void the_first_event_at_the_opening_occurs_at_zero() {
        assertThat(append(ROOM, OPENED).event().occurredAt()).isZero();
    }

    @Test
    void occurred_at_strictly_grows_when_the_clock_repeats() {
        AppendedEvent first = append(ROOM, OPENED.plusNanos(1500));
        AppendedEvent second = append(first.room(), OPENED.plusNanos(1500));
        AppendedEvent third = append(second.room(), OPENED.plusNanos(1500));

        assertThat(first.event().occurredAt()).isEqualTo(1500);
        assertThat(second.event().occurredAt()).isEqualTo(1501);
        assertThat(third.event().occurredAt()).isEqualTo(1502);
        assertThat(third.room().lastOccurredAt()).isEqualTo(1502);
    }

    @Test
    void occurred_at_strictly_grows_when_the_clock_goes_back_even_before_the_opening() {
        AppendedEvent late = append(ROOM, OPENED.plusSeconds(2));
        AppendedEvent back = append(late.room(), OPENED.plusSeconds(1));
        AppendedEvent beforeOpening = append(back.room(), OPENED.minusSeconds(10));
        AppendedEvent caughtUp = append(beforeOpening.room(), OPENED.plusSeconds(3));

        assertThat(back.event().occurredAt()).isEqualTo(late.event().occurredAt() + 1);
        assertThat(beforeOpening.event().occurredAt()).isEqualTo(late.event().occurredAt() + 2);
        assertThat(caughtUp.event().occurredAt()).isEqualTo(3_000_000_000L);
        assertThat(append(ROOM, OPENED.minusSeconds(10)).event().occurredAt()).isZero();
    }

    @Test
    void a_label_keeps_the_original_occurred_at_the_store_knows() {
        Instant now = OPENED.plusSeconds(5);

        Event edit = ROOM.append(now, anId(), draft("messages", "m1"), OptionalLong.of(1_000)).event();
        Event firstOfItsLabel = ROOM.append(now, anId(), draft("messages", "m1"), OptionalLong.empty()).event();
        Event unlabeled = ROOM.append(now, anId(), draft("layout", null), OptionalLong.of(1_000)).event();

        assertThat(edit.originalOccurredAt()).isEqualTo(1_000);
        assertThat(edit.occurredAt()).isEqualTo(5_000_000_000L);
        assertThat(firstOfItsLabel.originalOccurredAt()).isEqualTo(firstOfItsLabel.occurredAt());
        assertThat(unlabeled.originalOccurredAt()).isEqualTo(unlabeled.occurredAt());
    }

    @Test
    void a_closed_room_refuses_events() {
        EventRoom closed = ROOM.close(OPENED.plusSeconds(5));

        for (Instant now : new Instant[] {OPENED.plusSeconds(5), OPENED.plusSeconds(60)}) {
            assertThatThrownBy(() -> append(closed, now))
                    .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo("room_closed"));
        }
        assertThat(closed.isClosedAt(OPENED.plusSeconds(5))).isTrue();
    }

    @Test
    void a_room_closes_now_and_is_a_new_state() {
        EventRoom advanced = append(ROOM, OPENED.plusSeconds(1)).room();

        EventRoom closed = advanced.close(OPENED.plusSeconds(5));

        assertThat(closed).isEqualTo(new EventRoom(ROOM.id(), "example.org", JsonText.EMPTY_OBJECT, OPENED,
                OPENED.plusSeconds(5), OPENED, 1_000_000_000L));
        assertThat(closed.closedAtTime()).contains(OPENED.plusSeconds(5));
        assertThat(advanced.closedAtTime()).isEmpty();
    }

    @Test
    void a_close_time_before_the_opening_is_clamped_to_the_opening() {
        EventRoom closed = ROOM.close(OPENED.minusSeconds(30));

        assertThat(closed.closedAt()).isEqualTo(OPENED);
        assertThat(closed.isClosedAt(OPENED)).isTrue();
    }

    @Test
    void a_room_closes_once_and_keeps_its_first_closing_time() {
        EventRoom closed = ROOM.close(OPENED.plusSeconds(5));

        assertThat(closed.close(OPENED.plusSeconds(9))).isSameAs(closed);
        assertThat(closed.close(OPENED.plusSeconds(1))).isSameAs(closed);
    }

    @Test
    void a_room_s_state_is_consistent() {
        assertThatThrownBy(() -> new EventRoom(ROOM.id(), "example.org", JsonText.EMPTY_OBJECT, OPENED,
                OPENED.minusNanos(1), OPENED, EventRoom.NONE_YET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventRoom(ROOM.id(), "example.org", JsonText.EMPTY_OBJECT, OPENED,
                null, OPENED, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void events_appended_at_once_each_occur_after_the_one_before() {
        List<EventDraft> drafts = List.of(new EventDraft(anId(), draft("messages", null), true),
                new EventDraft(anId(), draft("messages", null), false), new EventDraft(anId(), draft("messages", null), true));

        AppendedEvents appended = ROOM.appendAll(OPENED.plusNanos(500), drafts, Map.of());

        assertThat(appended.events()).extracting(Event::occurredAt).containsExactly(500L, 501L, 502L);
        assertThat(appended.events()).extracting(Event::id).containsExactly(drafts.get(0).id(), drafts.get(1).id(),
                drafts.get(2).id());
        assertThat(appended.room().lastOccurredAt()).isEqualTo(502L);
    }

    @Test
    void a_labeled_item_keeps_the_first_stored_events_time_within_a_batch_and_from_the_store() {
        LabeledItem known = new LabeledItem("messages", "m1");
        List<EventDraft> drafts = List.of(
                new EventDraft(anId(), draft("messages", "m1"), true),
                new EventDraft(anId(), draft("messages", "m2"), false),
                new EventDraft(anId(), draft("messages", "m2"), true),
                new EventDraft(anId(), draft("messages", "m2"), true));

        AppendedEvents appended = ROOM.appendAll(OPENED.plusNanos(100), drafts, Map.of(known, 7L));

        assertThat(appended.events()).extracting(Event::originalOccurredAt)
                .as("m1 as the store knows it; m2 from its first persistent event, not the broadcast one before it")
                .containsExactly(7L, 101L, 102L, 102L);
    }

    @Test
    void a_closed_room_refuses_the_whole_batch() {
        EventRoom closed = ROOM.close(OPENED.plusSeconds(1));

        assertThatThrownBy(() -> closed.appendAll(OPENED.plusSeconds(2),
                List.of(new EventDraft(anId(), draft("messages", null), true)), Map.of()))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.kind()).isEqualTo("room_closed"));
    }
}
