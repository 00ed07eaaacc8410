package dev.chatserver.application.contract;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.chats.ChatNotifier;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.chats.CreateChatsService;
import dev.chatserver.application.chats.EventAppending;
import dev.chatserver.application.chats.ManageRoomsService;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.chats.PostEventsService;
import dev.chatserver.application.chats.ReadChatsService;
import dev.chatserver.application.chats.ReadEventsService;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.in.chats.CloseRoomCommand;
import dev.chatserver.application.port.in.chats.ConvertChatCommand;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.CreateRoomCommand;
import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.ReadStateCommand;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.SetState;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat use cases on each storage: rights, uniqueness, the order of events, and what is pushed. */
public abstract class ChatUseCasesContract extends StorageContract {
    private static final AccountId TENANT = AccountId.parse("backend.svc.example.org");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");
    private static final JsonText TAGS = new JsonText("{\"course\":42}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final RecordingBus bus = new RecordingBus();
    private CreateChatsService chats;
    private ReadChatsService readChats;
    private ManageRoomsService rooms;
    private PostEventsService events;
    private ReadEventsService readEvents;
    private EventAppending appending;

    @BeforeEach
    void services() {
        Tenants tenants = new Tenants(Map.of("example.org", Set.of(TENANT)));
        Transactions transactions = ports().transactions();
        chats = new CreateChatsService(ports().chats(), ports().eventRooms(), tenants, transactions,
                UUID::randomUUID, clock, UserBudgets.unlimited());
        readChats = new ReadChatsService(ports().chats());
        rooms = new ManageRoomsService(ports().eventRooms(), tenants, transactions, UUID::randomUUID, clock,
                UserBudgets.unlimited());
        ClientKeys clientKeys = new ClientKeys(ports().idempotencyKeys(), transactions, clock);
        appending = new EventAppending(ports().chats(), ports().eventRooms(), ports().events(), ports().roomBans(),
                tenants, new ChatNotifier(bus), UUID::randomUUID, clientKeys, clock, Meters.NONE);
        events = new PostEventsService(writer(transactions), appending, clientKeys, UserBudgets.unlimited());
        readEvents = new ReadEventsService(ports().chats(), ports().events());
    }

    private Chat newChat(String scope) {
        return chats.create(CreateChatCommand.of(TENANT, "example.org", scope, TAGS));
    }

    private Event post(Chat chat, String type, String set, String label, boolean claim, boolean persistent) {
        return events.post(new PostEventCommand(JOHN, chat.id(), type, set, label, null,
                new JsonText("{\"text\":\"hi\"}"), claim, persistent));
    }

    private List<Event> all(Chat chat) {
        return readEvents.events(new ListEventsCommand(chat.id(), Set.of(), null, null, null, OptionalLong.empty(),
                Direction.FORWARD, ListEventsCommand.MAX_LIMIT)).events();
    }

    @Test
    void a_tenant_creates_a_chat_with_a_room_of_its_audience() {
        Chat chat = newChat("course-42");

        assertThat(chat.key()).isEqualTo(new ChatKey("example.org", "course-42"));
        assertThat(chat.tags()).isEqualTo(TAGS);
        assertThat(readChats.chat(chat.id())).isEqualTo(chat);
        assertThat(readChats.chat(new ChatKey("example.org", "course-42"))).isEqualTo(chat);
        EventRoom room = rooms.room(chat.roomId());
        assertThat(room.audience()).isEqualTo("example.org");
        assertThat(room.openedAt()).isEqualTo(chat.createdAt());
    }

    @Test
    void only_a_tenant_of_the_audience_creates_converts_and_closes() {
        assertThatThrownBy(() -> chats.create(CreateChatCommand.of(JOHN, "example.org", "course-42", TAGS)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> chats.create(CreateChatCommand.of(TENANT, "other.org", "course-42", TAGS)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> rooms.create(new CreateRoomCommand(JOHN, "example.org", TAGS)))
                .isInstanceOf(AccessDenied.class);
        EventRoom room = rooms.create(new CreateRoomCommand(TENANT, "example.org", TAGS));
        assertThatThrownBy(() -> chats.convert(ConvertChatCommand.of(JOHN, "example.org", "c", TAGS, room.id())))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> rooms.close(new CloseRoomCommand(JOHN, room.id())))
                .isInstanceOf(AccessDenied.class);

        assertThat(ports().chats().chat(new ChatKey("example.org", "course-42"))).isEmpty();
        assertThat(ports().chats().chatOfRoom(room.id())).isEmpty();
        assertThat(rooms.room(room.id()).closedAt()).isNull();
    }

    @Test
    void a_second_chat_with_the_same_scope_is_refused_and_leaves_nothing_behind() {
        Chat chat = newChat("course-42");

        assertThatThrownBy(() -> newChat("course-42"))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("chat_already_exists"));
        assertThat(readChats.chat(chat.key())).isEqualTo(chat);
    }

    @Test
    void concurrent_creates_of_one_chat_make_exactly_one() throws Exception {
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> {
                try {
                    return newChat("course-42");
                } catch (AlreadyExists e) {
                    return e.kind();
                }
            });
        }
        List<Object> outcomes = runAll(attempts);

        assertThat(outcomes).filteredOn(Chat.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Chat)).containsOnly("chat_already_exists").hasSize(7);
    }

    @Test
    void converting_attaches_an_existing_room_to_one_chat_only() {
        EventRoom room = rooms.create(new CreateRoomCommand(TENANT, "example.org", TAGS));

        Chat chat = chats.convert(ConvertChatCommand.of(TENANT, "example.org", "course-42", TAGS, room.id()));

        assertThat(chat.roomId()).isEqualTo(room.id());
        assertThatThrownBy(() -> chats.convert(ConvertChatCommand.of(TENANT, "example.org", "course-43", TAGS, room.id())))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("room_already_attached"));
        assertThatThrownBy(() -> chats.convert(ConvertChatCommand.of(TENANT, "example.org", "course-42", TAGS,
                rooms.create(new CreateRoomCommand(TENANT, "example.org", TAGS)).id())))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("chat_already_exists"));
        assertThatThrownBy(() -> chats.convert(ConvertChatCommand.of(TENANT, "example.org", "course-44", TAGS,
                new RoomId(UUID.randomUUID()))))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("room"));
        assertThat(ports().chats().chat(new ChatKey("example.org", "course-43"))).isEmpty();
    }

    @Test
    void a_room_of_another_audience_is_not_converted() {
        Tenants both = new Tenants(Map.of("example.org", Set.of(TENANT), "other.org", Set.of(TENANT)));
        EventRoom foreign = new ManageRoomsService(ports().eventRooms(), both, ports().transactions(),
                UUID::randomUUID, clock, UserBudgets.unlimited())
                .create(new CreateRoomCommand(TENANT, "other.org", TAGS));

        assertThatThrownBy(() -> chats.convert(ConvertChatCommand.of(TENANT, "example.org", "c", TAGS, foreign.id())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("eventRoom"));
    }

    @Test
    void events_get_strictly_later_occurred_at_even_when_the_clock_stands_still() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofNanos(1500));

        Event first = post(chat, "message", null, null, false, true);
        Event second = post(chat, "message", null, null, false, true);
        Event third = post(chat, "message", null, null, false, true);

        assertThat(first.occurredAt()).isEqualTo(1500);
        assertThat(second.occurredAt()).isEqualTo(1501);
        assertThat(third.occurredAt()).isEqualTo(1502);
        assertThat(all(chat)).containsExactly(first, second, third);
    }

    @Test
    void concurrent_events_in_one_room_never_share_an_occurred_at() throws Exception {
        Chat chat = newChat("course-42");
        List<Callable<Object>> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(() -> post(chat, "message", null, null, false, true).occurredAt());
        }

        List<Object> times = runAll(posts);

        assertThat(times).doesNotHaveDuplicates().hasSize(40);
        assertThat(all(chat)).hasSize(40);
    }

    @Test
    void an_event_without_a_set_is_in_the_set_of_its_type_and_remembers_its_label_s_first_occurrence() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(1));
        Event original = post(chat, "message", null, "m1", false, true);
        clock.advance(Duration.ofSeconds(1));
        Event edit = post(chat, "message", null, "m1", false, true);
        Event unlabeled = post(chat, "layout", "layout", null, false, true);

        assertThat(original.set()).isEqualTo("message");
        assertThat(original.originalOccurredAt()).isEqualTo(original.occurredAt()).isEqualTo(1_000_000_000L);
        assertThat(edit.originalOccurredAt()).isEqualTo(original.occurredAt());
        assertThat(edit.occurredAt()).isEqualTo(2_000_000_000L);
        assertThat(unlabeled.originalOccurredAt()).isEqualTo(unlabeled.occurredAt());
        assertThat(edit.createdBy()).isEqualTo(JOHN);
        assertThat(edit.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:02Z"));
    }

    @Test
    void every_event_is_pushed_to_its_room_and_claims_to_the_audience_too() {
        Chat chat = newChat("course-42");

        Event stored = post(chat, "message", null, null, false, true);
        Event claim = post(chat, "claim", null, null, true, true);
        Event typing = post(chat, "typing", null, null, false, false);

        Channel room = Channel.ofRoom(chat.roomId().value());
        assertThat(bus.on(room, ChatEventAppended.class)).extracting(ChatEventAppended::event)
                .containsExactly(stored, claim, typing);
        assertThat(bus.on(Channel.ofAudience("example.org"), ChatEventAppended.class)).extracting(ChatEventAppended::event)
                .containsExactly(claim);
        assertThat(bus.on(room, ChatEventAppended.class).get(0).event().data()).isEqualTo(new JsonText("{\"text\":\"hi\"}"));
        assertThat(all(chat)).containsExactly(stored, claim);
    }

    @Test
    void a_closed_room_takes_no_events_and_nothing_is_pushed() {
        Chat chat = newChat("course-42");
        EventRoom closed = rooms.close(new CloseRoomCommand(TENANT, chat.roomId()));
        assertThat(rooms.close(new CloseRoomCommand(TENANT, chat.roomId()))).isEqualTo(closed);

        assertThatThrownBy(() -> post(chat, "message", null, null, false, true))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo("room_closed"));
        assertThatThrownBy(() -> post(chat, "typing", null, null, false, false)).isInstanceOf(Refused.class);
        assertThat(bus.published()).isEmpty();
        assertThat(all(chat)).isEmpty();
    }

    @Test
    void occurred_at_keeps_growing_when_the_clock_goes_back_and_the_room_remembers_it() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(2));
        Event late = post(chat, "message", null, null, false, true);
        clock.advance(Duration.ofSeconds(-1));
        Event earlierReading = post(chat, "message", null, null, false, true);
        clock.advance(Duration.ofSeconds(-5));
        Event beforeOpening = post(chat, "message", null, null, false, true);

        assertThat(late.occurredAt()).isEqualTo(2_000_000_000L);
        assertThat(earlierReading.occurredAt()).isEqualTo(2_000_000_001L);
        assertThat(beforeOpening.occurredAt()).isEqualTo(2_000_000_002L);
        assertThat(rooms.room(chat.roomId()).lastOccurredAt()).isEqualTo(2_000_000_002L);
        assertThat(all(chat)).containsExactly(late, earlierReading, beforeOpening);
    }

    @Test
    void a_transient_event_takes_its_place_in_time_too() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofNanos(100));
        Event typing = post(chat, "typing", null, null, false, false);
        Event stored = post(chat, "message", null, null, false, true);

        assertThat(typing.occurredAt()).isEqualTo(100);
        assertThat(stored.occurredAt()).isEqualTo(101);
        assertThat(rooms.room(chat.roomId()).lastOccurredAt()).isEqualTo(101);
        assertThat(all(chat)).containsExactly(stored);
    }

    @Test
    void a_label_keeps_its_first_stored_occurred_at_across_edits() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(1));
        Event first = post(chat, "message", "messages", "m1", false, true);
        clock.advance(Duration.ofSeconds(1));
        post(chat, "message", "messages", "m2", false, true);
        Event edit = post(chat, "message", "messages", "m1", false, true);
        clock.advance(Duration.ofSeconds(1));
        Event again = post(chat, "message", "messages", "m1", false, true);
        Event otherSet = post(chat, "pin", "pins", "m1", false, true);

        assertThat(edit.originalOccurredAt()).isEqualTo(first.occurredAt());
        assertThat(again.originalOccurredAt()).isEqualTo(first.occurredAt());
        assertThat(otherSet.originalOccurredAt()).isEqualTo(otherSet.occurredAt());
        assertThat(all(chat)).filteredOn(e -> "m1".equals(e.label()) && e.set().equals("messages"))
                .extracting(Event::originalOccurredAt).containsOnly(first.occurredAt());
    }

    @Test
    void a_room_closes_once_at_its_first_closing_time_and_stores_what_it_answered() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(3));
        EventRoom closed = rooms.close(new CloseRoomCommand(TENANT, chat.roomId()));
        clock.advance(Duration.ofSeconds(5));
        EventRoom again = rooms.close(new CloseRoomCommand(TENANT, chat.roomId()));

        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:03Z"));
        assertThat(again).isEqualTo(closed);
        assertThat(rooms.room(chat.roomId())).isEqualTo(closed);
    }

    @Test
    void a_room_closed_while_the_clock_reads_before_its_opening_closes_at_its_opening() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(-30));

        EventRoom closed = rooms.close(new CloseRoomCommand(TENANT, chat.roomId()));

        assertThat(closed.closedAt()).isEqualTo(closed.openedAt());
        assertThat(rooms.room(chat.roomId())).isEqualTo(closed);
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> post(chat, "message", null, null, false, true))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo("room_closed"));
        assertThat(all(chat)).isEmpty();
    }

    @Test
    void closing_a_room_keeps_what_was_handed_out_in_it() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(1));
        Event last = post(chat, "message", null, null, false, true);

        EventRoom closed = rooms.close(new CloseRoomCommand(TENANT, chat.roomId()));

        assertThat(closed.lastOccurredAt()).isEqualTo(last.occurredAt());
        assertThat(rooms.room(chat.roomId())).isEqualTo(closed);
    }

    @Test
    void events_stored_as_one_batch_end_as_if_posted_one_by_one_and_a_refused_one_changes_nothing() {
        Chat open = newChat("course-42");
        Chat other = newChat("course-43");
        Chat closing = newChat("course-44");
        rooms.close(new CloseRoomCommand(TENANT, closing.roomId()));
        clock.advance(Duration.ofSeconds(1));
        Event before = post(open, "message", null, "m1", false, true);
        bus.clear();

        List<Answer<Event>> answers = ports().transactions().inTransaction(() -> appending.write(List.of(
                command(open, "m1", true), command(closing, "m9", true), command(other, "o1", true),
                command(open, "m2", false), command(open, "m2", true),
                new PostEventCommand(JOHN, new dev.chatserver.domain.chats.ChatId(UUID.randomUUID()),
                        "message", null, null, null, JsonText.EMPTY_OBJECT, false, true),
                command(open, "m2", true))));

        assertThat(answers.get(1).problem()).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.kind()).isEqualTo("room_closed"));
        assertThat(answers.get(5).problem()).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.kind()).isEqualTo("chat"));
        Event edit = answers.get(0).result();
        Event transientFirst = answers.get(3).result();
        Event storedFirst = answers.get(4).result();
        Event storedEdit = answers.get(6).result();
        assertThat(List.of(before, edit, transientFirst, storedFirst, storedEdit)).extracting(Event::occurredAt)
                .as("occurred_at only grows in a room").isSorted().doesNotHaveDuplicates();
        assertThat(edit.originalOccurredAt()).as("an edit of a label stored before the batch")
                .isEqualTo(before.occurredAt());
        assertThat(transientFirst.originalOccurredAt()).isEqualTo(transientFirst.occurredAt());
        assertThat(storedFirst.originalOccurredAt()).as("a transient event is never a label's first")
                .isEqualTo(storedFirst.occurredAt());
        assertThat(storedEdit.originalOccurredAt()).as("an edit of a label first stored in the same batch")
                .isEqualTo(storedFirst.occurredAt());
        assertThat(all(open)).extracting(Event::id)
                .containsExactly(before.id(), edit.id(), storedFirst.id(), storedEdit.id());
        assertThat(all(other)).extracting(Event::id).containsExactly(answers.get(2).result().id());
        assertThat(all(closing)).isEmpty();
        assertThat(rooms.room(open.roomId()).lastOccurredAt()).isEqualTo(storedEdit.occurredAt());
        assertThat(bus.ofKind(ChatEventAppended.class)).as("each appended event told once, in order").hasSize(5);
    }

    private static PostEventCommand command(Chat chat, String label, boolean persistent) {
        return new PostEventCommand(JOHN, chat.id(), "message", null, label, null, new JsonText("{\"text\":\"hi\"}"),
                false, persistent);
    }

    @Test
    void events_of_an_unknown_chat_are_not_found() {
        Chat chat = newChat("course-42");
        PostEventCommand elsewhere = new PostEventCommand(JOHN, new dev.chatserver.domain.chats.ChatId(UUID.randomUUID()),
                "message", null, null, null, JsonText.EMPTY_OBJECT, false, true);

        assertThatThrownBy(() -> events.post(elsewhere))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("chat"));
        assertThat(all(chat)).isEmpty();
    }

    @Test
    void the_state_shows_the_newest_event_per_label_now_and_then() {
        Chat chat = newChat("course-42");
        clock.advance(Duration.ofSeconds(1));
        Event a1 = post(chat, "message", "messages", "a", false, true);
        Event layout = post(chat, "layout", null, null, false, true);
        clock.advance(Duration.ofSeconds(1));
        Event a2 = post(chat, "message", "messages", "a", false, true);

        assertThat(readEvents.state(new ReadStateCommand(chat.id(), List.of("messages", "layout"), OptionalLong.empty(), 10)))
                .containsExactly(new SetState("messages", List.of(a2)), new SetState("layout", List.of(layout)));
        assertThat(readEvents.state(new ReadStateCommand(chat.id(), List.of("messages"), OptionalLong.of(a1.occurredAt()), 10)))
                .containsExactly(new SetState("messages", List.of(a1)));
    }
}
