package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.Refused;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A room of an audience that stores and broadcasts typed events; it decides what happens in it. It is open
 * from {@code openedAt} until it is closed, and a closed room takes no events ({@code room_closed}).
 * {@code lastOccurredAt} is the {@code occurred_at} last handed out in it ({@link #NONE_YET} before the
 * first), so that every event gets a later one than the event before, even within one reading of the clock
 * or when the clock goes back.
 */
public record EventRoom(RoomId id, String audience, JsonText tags, Instant openedAt, Instant closedAt,
                        Instant createdAt, long lastOccurredAt) {
    public static final long NONE_YET = -1;

    public EventRoom {
        Objects.requireNonNull(id, "id");
        audience = Names.require("audience", audience);
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("a room closes after it opens");
        }
        if (lastOccurredAt < NONE_YET) {
            throw new IllegalArgumentException("an occurred_at is never negative: " + lastOccurredAt);
        }
    }

    public static EventRoom open(RoomId id, String audience, JsonText tags, Instant now) {
        return new EventRoom(id, audience, tags, now, null, now, NONE_YET);
    }

    public Optional<Instant> closedAtTime() {
        return Optional.ofNullable(closedAt);
    }

    public boolean isClosedAt(Instant now) {
        return closedAt != null && !now.isBefore(closedAt);
    }

    /**
     * Appends the drafted event arriving {@code now}, given the {@code occurred_at} of the first stored event
     * with the same set and label when the store knows one ({@code labelFirstOccurredAt}; ignored for an
     * event without a label). The event occurs {@code now} in nanoseconds since the room opened, but always
     * after the event handed out before; its {@code original_occurred_at} is the label's first one, else its
     * own; its {@code created_at} is {@code now} to the millisecond. A closed room refuses:
     * {@code Refused("room_closed")}.
     */
    public AppendedEvent append(Instant now, EventId eventId, NewEvent draft, OptionalLong labelFirstOccurredAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(labelFirstOccurredAt, "labelFirstOccurredAt");
        if (isClosedAt(now)) {
            throw new Refused("room_closed", "the event room " + id + " is closed");
        }
        long occurredAt = nextOccurredAt(now);
        long originalOccurredAt = draft.label() == null ? occurredAt : labelFirstOccurredAt.orElse(occurredAt);
        Event event = new Event(eventId, id, draft.type(), draft.set(), draft.label(), draft.attribute(), draft.data(),
                occurredAt, originalOccurredAt, draft.by(), now.truncatedTo(ChronoUnit.MILLIS));
        EventRoom advanced = new EventRoom(id, audience, tags, openedAt, closedAt, createdAt, occurredAt);
        return new AppendedEvent(advanced, event);
    }

    /**
     * Appends the drafted events arriving {@code now}, in the order given, each after the one before (see
     * {@link #append}), given the {@code occurred_at} of the first stored event of each labeled item when the
     * store knows one ({@code firstStored}): a persistent event of an item the store knows none of becomes its
     * first for the events after it. A closed room refuses them all: {@code Refused("room_closed")}.
     */
    public AppendedEvents appendAll(Instant now, List<EventDraft> drafts, Map<LabeledItem, Long> firstStored) {
        Objects.requireNonNull(drafts, "drafts");
        Map<LabeledItem, Long> firsts = new HashMap<>(firstStored);
        EventRoom room = this;
        List<Event> events = new ArrayList<>(drafts.size());
        for (EventDraft draft : drafts) {
            Optional<LabeledItem> item = draft.event().labeledItem();
            OptionalLong first = item.filter(firsts::containsKey).map(i -> OptionalLong.of(firsts.get(i)))
                    .orElse(OptionalLong.empty());
            AppendedEvent appended = room.append(now, draft.id(), draft.event(), first);
            if (draft.persistent()) {
                item.ifPresent(i -> firsts.putIfAbsent(i, appended.event().occurredAt()));
            }
            room = appended.room();
            events.add(appended.event());
        }
        return new AppendedEvents(room, events);
    }

    /**
     * The room closed {@code now}, or at its opening if the clock reads earlier than that. A room closes once:
     * closing a closed room leaves it as it is, with its first closing time.
     */
    public EventRoom close(Instant now) {
        Objects.requireNonNull(now, "now");
        if (closedAt != null) {
            return this;
        }
        Instant at = now.isBefore(openedAt) ? openedAt : now;
        return new EventRoom(id, audience, tags, openedAt, at, createdAt, lastOccurredAt);
    }

    /** Nanoseconds since the room opened (0 before that), and always after the one handed out last. */
    private long nextOccurredAt(Instant now) {
        long sinceOpening = now.isBefore(openedAt) ? 0 : Duration.between(openedAt, now).toNanos();
        return Math.max(sinceOpening, lastOccurredAt + 1);
    }
}
