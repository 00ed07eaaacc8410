package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A room of an audience that stores and broadcasts typed events; it decides what happens in it. It is open
 * from {@code openedAt} until it is closed, and a closed room takes no events ({@code room_closed}).
 * {@code lastOccurredAt} is the {@code occurred_at} last handed out in it ({@link #NONE_YET} before the
 * first), so that every event gets a later one than the event before, even within one reading of the clock
 * or when the clock goes back. {@code lockedTypes} are the event types only a tenant of the audience may post
 * (sorted, each once). Who may do what in the room is decided here, on the {@link RoomRights} the caller read.
 */
public record EventRoom(RoomId id, String audience, JsonText tags, Instant openedAt, Instant closedAt,
                        Instant createdAt, long lastOccurredAt, List<String> lockedTypes) {
    public static final long NONE_YET = -1;
    /** The most event types one room locks. */
    public static final int MAX_LOCKED_TYPES = 50;

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
        lockedTypes = lockable(Objects.requireNonNull(lockedTypes, "lockedTypes"));
    }

    /** A room that locks no type. */
    public EventRoom(RoomId id, String audience, JsonText tags, Instant openedAt, Instant closedAt,
                     Instant createdAt, long lastOccurredAt) {
        this(id, audience, tags, openedAt, closedAt, createdAt, lastOccurredAt, List.of());
    }

    public static EventRoom open(RoomId id, String audience, JsonText tags, Instant now) {
        return new EventRoom(id, audience, tags, now, null, now, NONE_YET, List.of());
    }

    /**
     * Whether {@code event} may be posted here by its author: a banned account may post nothing
     * ({@code AccessDenied("banned")}), and a locked type only a tenant ({@code AccessDenied("type_locked")}, naming
     * the type). A closed room is {@link #append}'s to refuse.
     */
    public void requirePostable(NewEvent event, RoomRights rights) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rights, "rights");
        if (rights.isBanned(event.by())) {
            throw AccessDenied.ofRule("banned", null, event.by() + " is banned from the room " + id);
        }
        if (lockedTypes.contains(event.type()) && !rights.isTenant(event.by())) {
            throw AccessDenied.ofRule("type_locked", "type", "type " + event.type()
                    + " is locked in the room " + id + ": only a tenant of " + audience + " posts it");
        }
    }

    /** Only a tenant of the room's audience moderates it: anyone else is {@code AccessDenied}. */
    public void requireModerator(AccountId by, RoomRights rights) {
        Objects.requireNonNull(by, "by");
        if (!rights.isTenant(by)) {
            throw new AccessDenied(by + " is not a tenant of the audience " + audience);
        }
    }

    /**
     * {@code account} banned {@code now} by the tenant {@code by}. A tenant of the audience cannot be banned
     * ({@code Refused("cannot_ban_tenant")}): it may always post and listen.
     */
    public RoomBan ban(AccountId by, AccountId account, String reason, Instant now, RoomRights rights) {
        requireModerator(by, rights);
        Objects.requireNonNull(account, "account");
        if (rights.isTenant(account)) {
            throw new Refused("cannot_ban_tenant", "account", "account " + account + " is a tenant of " + audience
                    + " and cannot be banned from its rooms");
        }
        return new RoomBan(id, account, reason, by, now);
    }

    /** The room with exactly {@code types} locked, as the tenant {@code by} set them (empty: none). */
    public EventRoom lockTypes(AccountId by, Collection<String> types, RoomRights rights) {
        requireModerator(by, rights);
        return new EventRoom(id, audience, tags, openedAt, closedAt, createdAt, lastOccurredAt, List.copyOf(types));
    }

    private static List<String> lockable(List<String> types) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String type : types) {
            distinct.add(Names.require("lockedTypes", type));
        }
        if (distinct.size() > MAX_LOCKED_TYPES) {
            throw new InvalidInput("lockedTypes", "lockedTypes has at most " + MAX_LOCKED_TYPES + " types");
        }
        return List.copyOf(distinct);
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
        EventRoom advanced = new EventRoom(id, audience, tags, openedAt, closedAt, createdAt, occurredAt, lockedTypes);
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
        return new EventRoom(id, audience, tags, openedAt, at, createdAt, lastOccurredAt, lockedTypes);
    }

    /** Nanoseconds since the room opened (0 before that), and always after the one handed out last. */
    private long nextOccurredAt(Instant now) {
        long sinceOpening = now.isBefore(openedAt) ? 0 : Duration.between(openedAt, now).toNanos();
        return Math.max(sinceOpening, lastOccurredAt + 1);
    }
}
