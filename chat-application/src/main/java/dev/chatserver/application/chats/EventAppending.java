package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.RoomBans;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.IdempotentLane;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.AppendedEvents;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventDraft;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.LabeledItem;
import dev.chatserver.domain.chats.NewEvent;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.RoomRights;
import dev.chatserver.domain.problem.ChatProblem;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chat events waiting at one moment, appended in the writer's unit of work in the order they arrived with a
 * fixed number of statements per chat and room, however many events: each chat read and its room held for
 * update ({@link #open}); then the bans of the batch's posters in those rooms are read once, each room says which
 * events it refuses ({@link EventRoom#requirePostable}: a banned poster, a locked type) and decides all the others
 * at once ({@link EventRoom#appendAll}, given each labeled item's first stored event, looked up once); then the
 * rooms' new state and their events are stored once each, and announced. An event whose chat is unknown or whose
 * room refuses it (closed, banned, locked) is answered with that problem, having changed nothing.
 *
 * <p>An event with an {@code Idempotency-Key} is keyed by (caller, chat, key) ({@link IdempotentLane}): a retry
 * answers the first event and appends nothing.
 */
public final class EventAppending extends IdempotentLane<PostEventCommand, Event, EventAppending.Held> {
    private final ChatStore chats;
    private final EventRoomStore rooms;
    private final EventStore events;
    private final ChatNotifier notifier;
    private final IdGenerator ids;
    private final Meters meters;
    private final RoomBans bans;
    private final Tenants tenants;

    @Inject
    public EventAppending(ChatStore chats, EventRoomStore rooms, EventStore events, RoomBans bans, Tenants tenants,
                          ChatNotifier notifier, IdGenerator ids, ClientKeys clientKeys, Clock clock, Meters meters) {
        super(clientKeys, clock);
        this.bans = bans;
        this.tenants = tenants;
        this.chats = chats;
        this.rooms = rooms;
        this.events = events;
        this.notifier = notifier;
        this.ids = ids;
        this.meters = meters;
    }

    /** The chats a batch names (empty: unknown) and their rooms, held for update. */
    record Held(Map<ChatId, Optional<Chat>> chats, Map<RoomId, EventRoom> rooms) {
    }

    @Override
    public void stored(int count) {
        meters.chatEventsStored(count);
    }

    @Override
    public long bytesOf(PostEventCommand command) {
        return 2L * command.data().value().length();
    }

    @Override
    protected Held open(List<PostEventCommand> commands) {
        Map<ChatId, Optional<Chat>> chatsById = new HashMap<>();
        commands.forEach(command -> chatsById.computeIfAbsent(command.chat(), chats::chat));
        Map<RoomId, EventRoom> roomsById = new LinkedHashMap<>();
        // in one order, so that two writers (two nodes) holding several rooms never deadlock
        chatsById.values().stream().flatMap(Optional::stream).map(Chat::roomId).distinct()
                .sorted(Comparator.comparing(RoomId::value))
                .forEach(roomId -> roomsById.put(roomId, rooms.roomForUpdate(roomId).orElseThrow(() ->
                        new IllegalStateException("a chat names the missing room " + roomId))));
        return new Held(chatsById, roomsById);
    }

    /** Scoped by the chat and its caller (the pair, as its key); an event to an unknown chat has none. */
    @Override
    protected Key keyOf(Held batch, PostEventCommand command) {
        if (command.idempotencyKey() == null || batch.chats().get(command.chat()).isEmpty()) {
            return null;
        }
        return new Key("chat:" + command.chat().value() + ":" + command.by().key(), command.idempotencyKey());
    }

    @Override
    protected List<Answer<Event>> write(Held batch, List<PostEventCommand> fresh, Instant now) {
        // decide: each room once, on all of this batch's events to it, in arrival order
        List<Answer<Event>> answers = new ArrayList<>(fresh.size());
        Map<RoomId, List<Integer>> byRoom = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            PostEventCommand command = fresh.get(i);
            Optional<Chat> chat = batch.chats().get(command.chat());
            if (chat.isEmpty()) {
                answers.add(Answer.refused(ExistingChats.unknown(command.chat())));
            } else {
                answers.add(null);
                byRoom.computeIfAbsent(chat.get().roomId(), room -> new ArrayList<>()).add(i);
            }
        }
        Map<RoomId, Set<AccountId>> banned = byRoom.isEmpty() ? Map.of() : bans.bannedAmong(byRoom.keySet(),
                byRoom.values().stream().flatMap(List::stream).map(i -> fresh.get(i).by()).distinct().toList());
        byRoom.forEach((roomId, indices) -> {
            EventRoom room = batch.rooms().get(roomId);
            RoomRights rights = new RoomRights(tenants.of(room.audience()), banned.getOrDefault(roomId, Set.of()));
            indices.removeIf(i -> {
                try {
                    room.requirePostable(newEventOf(fresh.get(i)), rights);
                    return false;
                } catch (ChatProblem refused) {
                    answers.set(i, Answer.refused(refused));
                    return true;
                }
            });
        });
        byRoom.values().removeIf(List::isEmpty);
        Map<RoomId, AppendedEvents> appended = new LinkedHashMap<>();
        byRoom.forEach((roomId, indices) -> {
            List<EventDraft> drafts = indices.stream().map(i -> draftOf(fresh.get(i))).toList();
            try {
                appended.put(roomId, batch.rooms().get(roomId).appendAll(now, drafts, firstStored(roomId, drafts)));
            } catch (ChatProblem refused) {
                indices.forEach(i -> answers.set(i, Answer.refused(refused)));
            }
        });

        // store
        appended.values().forEach(room -> rooms.update(room.room()));
        appended.forEach((roomId, room) -> {
            List<Integer> indices = byRoom.get(roomId);
            List<Event> kept = new ArrayList<>();
            for (int k = 0; k < indices.size(); k++) {
                if (fresh.get(indices.get(k)).persistent()) {
                    kept.add(room.events().get(k));
                }
            }
            if (!kept.isEmpty()) {
                events.append(kept);
            }
        });

        // notify, in arrival order
        Map<Integer, Event> eventAt = new HashMap<>();
        appended.forEach((roomId, room) -> {
            List<Integer> indices = byRoom.get(roomId);
            for (int k = 0; k < indices.size(); k++) {
                eventAt.put(indices.get(k), room.events().get(k));
            }
        });
        for (int i = 0; i < fresh.size(); i++) {
            Event event = eventAt.get(i);
            if (event != null) {
                notifier.eventAppended(appended.get(event.roomId()).room(), event, fresh.get(i).claim());
                answers.set(i, Answer.done(event));
            }
        }
        return answers;
    }

    private EventDraft draftOf(PostEventCommand command) {
        return new EventDraft(new EventId(ids.newUuid()), newEventOf(command), command.persistent());
    }

    private static NewEvent newEventOf(PostEventCommand command) {
        return new NewEvent(command.type(), command.set(), command.label(), command.attribute(), command.data(),
                command.by());
    }

    /** The first stored event's occurred_at of each labeled item the drafts speak of, one look-up each. */
    private Map<LabeledItem, Long> firstStored(RoomId room, List<EventDraft> drafts) {
        Map<LabeledItem, Long> firsts = new HashMap<>();
        drafts.stream().flatMap(draft -> draft.event().labeledItem().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .forEach(item -> {
                    OptionalLong first = events.firstOccurredAt(room, item.set(), item.label());
                    first.ifPresent(at -> firsts.put(item, at));
                });
        return firsts;
    }

    @Override
    protected String keptAs(Event result) {
        return result.id().value().toString();
    }

    /** Each replayed event answers the first one, read once for all of them. */
    @Override
    protected List<Event> replay(Held batch, List<PostEventCommand> commands, List<String> kept) {
        Map<EventId, Event> firsts = events.byIds(kept.stream().map(id -> new EventId(UUID.fromString(id))).distinct()
                .toList()).stream().collect(Collectors.toMap(Event::id, Function.identity()));
        return kept.stream().map(id -> Optional.ofNullable(firsts.get(new EventId(UUID.fromString(id))))
                .orElseThrow(() -> new IllegalStateException("a client key names the missing event " + id))).toList();
    }
}
