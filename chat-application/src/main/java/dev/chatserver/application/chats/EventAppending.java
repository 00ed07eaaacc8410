package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.IdempotencyKeys.Kept;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.WriteLane;
import dev.chatserver.domain.chats.AppendedEvent;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.NewEvent;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The chat events waiting at one moment, appended in the writer's unit of work in the order they arrived with a
 * fixed number of statements per chat and room, however many events (the chat read, the room held for update,
 * a label's first event looked up once, the room's new state and its events stored once each). Each room
 * decides its events in order, a later one on the room as the one before left it. An event whose chat is
 * unknown or whose room refuses it (closed) is answered with that problem, having changed nothing.
 *
 * <p>An event with an {@code Idempotency-Key} whose key (caller, chat, key) answered an event within
 * {@link ClientKeys#LIFETIME} answers that event and appends nothing; so does a second one with the same key in
 * one batch. The keys are read once the rooms are held, so one committed meanwhile on another node is seen.
 */
public final class EventAppending implements WriteLane<PostEventCommand, Event> {
    private final ChatStore chats;
    private final EventRoomStore rooms;
    private final EventStore events;
    private final ChatNotifier notifier;
    private final IdGenerator ids;
    private final ClientKeys clientKeys;
    private final Clock clock;
    private final Meters meters;

    @Inject
    public EventAppending(ChatStore chats, EventRoomStore rooms, EventStore events, ChatNotifier notifier,
                          IdGenerator ids, ClientKeys clientKeys, Clock clock, Meters meters) {
        this.clientKeys = clientKeys;
        this.meters = meters;
        this.chats = chats;
        this.rooms = rooms;
        this.events = events;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
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
    public List<Answer<Event>> write(List<PostEventCommand> commands) {
        Map<ChatId, Optional<Chat>> chatsById = new HashMap<>();
        commands.forEach(command -> chatsById.computeIfAbsent(command.chat(), chats::chat));
        Map<RoomId, EventRoom> roomsById = new LinkedHashMap<>();
        // in one order, so that two writers (two nodes) holding several rooms never deadlock
        chatsById.values().stream().flatMap(Optional::stream).map(Chat::roomId).distinct()
                .sorted(Comparator.comparing(RoomId::value))
                .forEach(roomId -> roomsById.put(roomId, rooms.roomForUpdate(roomId).orElseThrow(() ->
                        new IllegalStateException("a chat names the missing room " + roomId))));
        // Read under the rooms' locks, so that a later event never gets an earlier reading.
        Instant now = clock.instant();
        Map<Key, String> answeredBefore = clientKeys.answered(commands.stream().map(EventAppending::keyOf)
                .filter(java.util.Objects::nonNull).distinct().toList(), now);
        Map<Key, Event> firstInBatch = new LinkedHashMap<>();
        Map<Integer, EventId> replays = new HashMap<>();

        List<Answer<Event>> answers = new ArrayList<>(commands.size());
        Map<RoomId, List<Event>> stored = new LinkedHashMap<>();
        Map<LabelKey, OptionalLong> labelFirst = new HashMap<>();
        List<Appended> appended = new ArrayList<>();
        for (PostEventCommand command : commands) {
            try {
                Chat chat = chatsById.get(command.chat()).orElseThrow(() ->
                        new NotFound("chat", "chat", "no chat has the id " + command.chat()));
                Key key = keyOf(command);
                if (key != null && answeredBefore.containsKey(key)) {
                    replays.put(answers.size(), new EventId(java.util.UUID.fromString(answeredBefore.get(key))));
                    answers.add(null);
                    continue;
                }
                if (key != null && firstInBatch.containsKey(key)) {
                    answers.add(Answer.replayed(firstInBatch.get(key)));
                    continue;
                }
                EventRoom room = roomsById.get(chat.roomId());
                NewEvent draft = new NewEvent(command.type(), command.set(), command.label(), command.attribute(),
                        command.data(), command.by());
                LabelKey label = new LabelKey(room.id(), draft.set(), draft.label());
                OptionalLong first = draft.label() == null ? OptionalLong.empty()
                        : labelFirst.computeIfAbsent(label, item -> events.firstOccurredAt(item.room(), item.set(), item.label()));
                AppendedEvent event = room.append(now, new EventId(ids.newUuid()), draft, first);
                roomsById.put(room.id(), event.room());
                if (command.persistent()) {
                    stored.computeIfAbsent(room.id(), id -> new ArrayList<>()).add(event.event());
                    if (draft.label() != null && first.isEmpty()) {
                        labelFirst.put(label, OptionalLong.of(event.event().occurredAt()));
                    }
                }
                appended.add(new Appended(event, command.claim()));
                answers.add(Answer.done(event.event()));
                if (key != null) {
                    firstInBatch.put(key, event.event());
                }
            } catch (ChatProblem refused) {
                answers.add(Answer.refused(refused));
            }
        }
        appended.stream().map(a -> a.event().room().id()).distinct().forEach(id -> rooms.update(roomsById.get(id)));
        stored.values().forEach(events::append);
        clientKeys.keep(firstInBatch.entrySet().stream()
                .map(first -> new Kept(first.getKey(), first.getValue().id().value().toString(), now)).toList());
        appended.forEach(a -> notifier.eventAppended(a.event().room(), a.event().event(), a.claim()));
        replay(replays, answers);
        return answers;
    }

    /** The key of an event with an Idempotency-Key: scoped by the chat and its caller (the pair, as its key). */
    private static Key keyOf(PostEventCommand command) {
        return command.idempotencyKey() == null ? null
                : new Key("chat:" + command.chat().value() + ":" + command.by().key(), command.idempotencyKey());
    }

    /** Answers each event whose key was answered before with that event, read once for all of them. */
    private void replay(Map<Integer, EventId> replays, List<Answer<Event>> answers) {
        if (replays.isEmpty()) {
            return;
        }
        Map<EventId, Event> firsts = new HashMap<>();
        events.byIds(replays.values().stream().distinct().toList()).forEach(event -> firsts.put(event.id(), event));
        replays.forEach((index, id) -> answers.set(index, Answer.replayed(java.util.Optional.ofNullable(firsts.get(id))
                .orElseThrow(() -> new IllegalStateException("a client key names the missing event " + id)))));
    }

    /** A label of a set in a room: its first stored event gives later ones their original occurred_at. */
    private record LabelKey(RoomId room, String set, String label) {
    }

    private record Appended(AppendedEvent event, boolean claim) {
    }
}
