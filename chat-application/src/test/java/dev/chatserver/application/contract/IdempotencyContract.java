package dev.chatserver.application.contract;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.chats.ChatNotifier;
import dev.chatserver.application.chats.CreateChatsService;
import dev.chatserver.application.chats.EventAppending;
import dev.chatserver.application.chats.PostEventsService;
import dev.chatserver.application.chats.ReadEventsService;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.IdempotencyKeys.Kept;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client keys on each storage: a post's {@code clientId} and a chat event's {@code idempotencyKey} answer the
 * first write for 24 hours and store nothing new; typing is passed on and never stored.
 */
public abstract class IdempotencyContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T07:46:21.123456Z");
    private static final AccountId TENANT = AccountId.parse("backend.svc.example.org");
    private static final AccountId JOHN = AccountId.parse("john.usr.example.org");

    private final MutableClock clock = new MutableClock(NOW);
    private ImServices im;
    private User lynx;
    private User ocelot;
    private User pangolin;
    private SessionView session;

    @BeforeEach
    void setUp() {
        im = closeAfter(new ImServices(storage.ports(), new ImPolicy(ImPolicy.STANDARD_TYPES, 1024, 20, 200), clock));
        lynx = newUser("lynx", "Lucid Lynx");
        ocelot = newUser("ocelot", "Oneiric Ocelot");
        pangolin = newUser("pangolin", "Precise Pangolin");
        session = im.openSession.openPrivate(OpenSessionCommand.of(lynx, ocelot.id()));
        im.bus.clear();
    }


    private PostMessageCommand post(User caller, String type, String text, String clientId) {
        return new PostMessageCommand(caller, session.uuid(), new MessageType(type), text, clientId);
    }

    private List<MessageView> history() {
        return im.history.history(new HistoryCommand(ocelot, session.uuid(), OptionalLong.empty(), OptionalInt.of(200)));
    }

    // the port

    @Test
    void a_kept_key_is_found_with_its_answer_until_forgotten_or_swept() {
        IdempotencyKeys keys = ports().idempotencyKeys();
        Key first = new Key("im:1:1", "abc");
        Key second = new Key("im:1:2", "abc");
        Key third = new Key("chat:x:john.usr", "ünï-𝄞");
        keys.keep(List.of(new Kept(first, "41", NOW.minusSeconds(60)), new Kept(second, "42", NOW),
                new Kept(third, "c0ffee", NOW)));

        assertThat(keys.find(List.of(first, second, new Key("im:1:1", "other"))))
                .containsExactlyInAnyOrder(new Kept(first, "41", NOW.minusSeconds(60)), new Kept(second, "42", NOW));
        assertThat(keys.find(List.of(third))).containsExactly(new Kept(third, "c0ffee", NOW));
        assertThat(keys.find(List.of())).isEmpty();

        assertThat(keys.removeUpTo(NOW.minusSeconds(30))).isEqualTo(1);
        assertThat(keys.find(List.of(first, second))).extracting(Kept::key).containsExactly(second);
        keys.forget(List.of(second));
        assertThat(keys.find(List.of(second))).isEmpty();
    }

    @Test
    void a_key_is_kept_once_a_second_answer_is_refused_and_the_first_stays() {
        IdempotencyKeys keys = ports().idempotencyKeys();
        Key key = new Key("im:1:1", "abc");
        keys.keep(List.of(new Kept(key, "41", NOW)));

        assertThatThrownBy(() -> keys.keep(List.of(new Kept(key, "42", NOW)))).isInstanceOf(RuntimeException.class);
        assertThat(keys.find(List.of(key))).containsExactly(new Kept(key, "41", NOW));
    }

    // posts

    @Test
    void a_retried_post_answers_the_first_message_and_stores_and_tells_nothing_new() {
        MessageView first = im.messages.post(post(lynx, "message", "hello", "retry-1"));
        im.bus.clear();
        clock.advance(Duration.ofHours(23));

        MessageView again = im.messages.post(post(lynx, "message", "hello, again", "retry-1"));

        assertThat(again).isEqualTo(first);
        assertThat(im.bus.published()).isEmpty();
        assertThat(history()).extracting(MessageView::id).containsExactly(first.id());
    }

    @Test
    void the_key_is_the_senders_and_the_sessions_own() {
        MessageView lynxFirst = im.messages.post(post(lynx, "message", "one", "k"));
        MessageView ocelotsOwn = im.messages.post(post(ocelot, "message", "two", "k"));
        SessionView other = im.openSession.openPrivate(OpenSessionCommand.of(lynx, pangolin.id()));
        MessageView elsewhere = im.messages.post(new PostMessageCommand(lynx, other.uuid(), MessageType.MESSAGE, "three", "k"));

        assertThat(List.of(lynxFirst.id(), ocelotsOwn.id(), elsewhere.id())).doesNotHaveDuplicates();
        assertThat(history()).extracting(MessageView::message).containsExactly("two", "one");
    }

    @Test
    void a_key_older_than_a_day_is_free_again() {
        MessageView first = im.messages.post(post(lynx, "message", "hello", "retry-1"));
        clock.advance(ClientKeys.LIFETIME);

        MessageView later = im.messages.post(post(lynx, "message", "hello tomorrow", "retry-1"));
        MessageView retried = im.messages.post(post(lynx, "message", "hello tomorrow", "retry-1"));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(retried).isEqualTo(later);
        assertThat(history()).extracting(MessageView::message).containsExactly("hello tomorrow", "hello");
    }

    @Test
    void expired_keys_are_swept_when_a_keyed_post_comes_after_a_while() {
        IdempotencyKeys keys = ports().idempotencyKeys();
        im.messages.post(post(lynx, "message", "hello", "old"));
        Key old = keys.find(List.of(new Key("im:" + session.id() + ":" + lynx.id().value(), "old"))).get(0).key();
        clock.advance(ClientKeys.LIFETIME.plusMinutes(1));

        im.messages.post(post(ocelot, "message", "hi", "new"));

        assertThat(keys.find(List.of(old))).isEmpty();
    }

    @Test
    void retries_in_one_batch_store_one_message_and_each_gets_its_id() {
        List<Answer<MessageView>> answers = ports().transactions().inTransaction(() -> im.posting.write(List.of(
                post(lynx, "message", "hello", "dup"),
                post(pangolin, "message", "not a member", "dup"),
                post(lynx, "message", "hello", "dup"),
                post(ocelot, "message", "hi", "dup"),
                post(lynx, "message", "hello", "dup"))));

        assertThat(answers.get(1).problem()).isInstanceOf(NotFound.class);
        assertThat(answers.get(2).result()).isEqualTo(answers.get(0).result());
        assertThat(answers.get(4).result()).isEqualTo(answers.get(0).result());
        assertThat(history()).extracting(MessageView::message).containsExactly("hi", "hello");
        assertThat(im.bus.ofKind(MessagePosted.class)).hasSize(4);
    }

    @Test
    void concurrent_identical_posts_store_one_message_and_all_answer_it() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MessageView>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return im.messages.postAsync(post(lynx, "message", "once", "race")).join();
                }));
            }
            start.countDown();
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<MessageView> answer : answers) {
                ids.add(answer.get().id());
            }
            assertThat(ids).hasSize(1);
            assertThat(history()).extracting(MessageView::id).containsExactlyElementsOf(ids);
            assertThat(im.bus.ofKind(MessagePosted.class)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_bad_client_id_is_refused_naming_it() {
        for (String bad : List.of("", "x".repeat(65))) {
            assertThatThrownBy(() -> post(lynx, "message", "hello", bad)).isInstanceOfSatisfying(InvalidInput.class,
                    p -> assertThat(p.field()).isEqualTo("clientId"));
        }
        assertThat(post(lynx, "message", "hello", "𝄞".repeat(64)).clientId()).hasSize(128);
    }

    @Test
    void a_non_member_learns_nothing_from_a_key() {
        im.messages.post(post(lynx, "message", "secret", "k"));

        assertThatThrownBy(() -> im.messages.post(post(pangolin, "message", "guess", "k")))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
    }

    // typing

    @Test
    void typing_reaches_the_other_members_only_and_is_never_stored() {
        MessageView kept = im.messages.post(post(lynx, "message", "hello", null));
        im.bus.clear();

        MessageView typing = im.messages.postAsync(post(lynx, "typing", "...", null)).join();

        assertThat(typing.type()).isEqualTo("typing");
        assertThat(im.bus.published()).as("typing is never kept in the notification log").isEmpty();
        List<Published> told = im.bus.signalled();
        assertThat(told).extracting(Published::channel).containsExactly(Channel.ofUser(ocelot.id()));
        assertThat(told.get(0).event()).isEqualTo(new MemberTyping(typing));
        assertThat(history()).extracting(MessageView::id).containsExactly(kept.id());
        assertThat(im.messages.post(post(lynx, "message", "next", null)).id()).isGreaterThan(kept.id());
    }

    @Test
    void a_non_member_cannot_type_into_a_session() {
        assertThatThrownBy(() -> im.messages.postAsync(post(pangolin, "typing", "...", null)))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
        assertThat(im.bus.published()).isEmpty();
        assertThat(im.bus.signalled()).isEmpty();
    }

    @Test
    void a_typing_signal_carries_at_most_a_kibibyte_of_content() {
        im.messages.postAsync(post(lynx, "typing", "x".repeat(PostMessageCommand.MAX_TYPING_CONTENT_BYTES), null)).join();

        assertThatThrownBy(() -> post(lynx, "typing", "x".repeat(PostMessageCommand.MAX_TYPING_CONTENT_BYTES + 1), null))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("content"));
        assertThat(im.bus.signalled()).hasSize(1);
    }

    // chat events

    private PostEventsService chatEvents(RecordingBus bus) {
        Transactions transactions = ports().transactions();
        ClientKeys clientKeys = new ClientKeys(ports().idempotencyKeys(), transactions, clock);
        EventAppending appending = new EventAppending(ports().chats(), ports().eventRooms(),
                ports().events(), ports().roomBans(), new Tenants(Map.of("example.org", Set.of(TENANT))),
                new ChatNotifier(bus), UUID::randomUUID, clientKeys, clock, Meters.NONE);
        return new PostEventsService(writer(transactions), appending, clientKeys, UserBudgets.unlimited());
    }

    private Chat chat() {
        CreateChatsService chats = new CreateChatsService(ports().chats(), ports().eventRooms(),
                new Tenants(Map.of("example.org", Set.of(TENANT))), ports().transactions(), UUID::randomUUID, clock,
                UserBudgets.unlimited());
        return chats.create(CreateChatCommand.of(TENANT, "example.org", "course-42", null));
    }

    private static PostEventCommand event(AccountId by, Chat chat, String data, String key) {
        return new PostEventCommand(by, chat.id(), "message", null, null, null, new JsonText(data), false, true, key);
    }

    private List<Event> stored(Chat chat) {
        return new ReadEventsService(ports().chats(), ports().events()).events(new ListEventsCommand(chat.id(), Set.of(), null, null, null, java.util.OptionalLong.empty(),
                Direction.FORWARD, 100)).events();
    }

    @Test
    void a_retried_chat_event_answers_the_first_and_appends_nothing_within_a_day() {
        RecordingBus bus = new RecordingBus();
        PostEventsService events = chatEvents(bus);
        Chat chat = chat();
        Event first = events.post(event(JOHN, chat, "\"hi\"", "k-1"));
        clock.advance(Duration.ofHours(23));

        Event again = events.post(event(JOHN, chat, "\"hi again\"", "k-1"));
        Event byOther = events.post(event(TENANT, chat, "\"other caller\"", "k-1"));
        List<Event> racing = List.of(event(JOHN, chat, "\"a\"", "k-2"), event(JOHN, chat, "\"b\"", "k-2")).stream()
                .map(events::postAsync).map(CompletableFuture::join).toList();

        assertThat(again).isEqualTo(first);
        assertThat(byOther.id()).isNotEqualTo(first.id());
        assertThat(racing.get(1)).isEqualTo(racing.get(0));
        assertThat(stored(chat)).extracting(Event::id)
                .containsExactly(first.id(), byOther.id(), racing.get(0).id());
        assertThat(bus.ofKind(ChatEventAppended.class)).hasSize(3);

        clock.advance(Duration.ofHours(1));
        Event nextDay = events.post(event(JOHN, chat, "\"hi tomorrow\"", "k-1"));
        assertThat(nextDay.id()).isNotEqualTo(first.id());
        assertThat(stored(chat)).hasSize(4);
    }

    @Test
    void two_accounts_whose_text_reads_alike_have_keys_of_their_own_and_are_stored_as_themselves() {
        AccountId aOfBc = new AccountId("a", "b.c");
        AccountId abOfC = new AccountId("a.b", "c");
        PostEventsService events = chatEvents(new RecordingBus());
        Chat chat = chat();

        Event first = events.post(event(aOfBc, chat, "\"from a of b.c\"", "k-1"));
        Event second = events.post(event(abOfC, chat, "\"from a.b of c\"", "k-1"));

        assertThat(second.id()).as("another account's key is not the first's").isNotEqualTo(first.id());
        assertThat(stored(chat)).extracting(Event::createdBy).containsExactly(aOfBc, abOfC);
        assertThat(events.post(event(abOfC, chat, "\"retry\"", "k-1"))).isEqualTo(second);
    }

    @Test
    void a_bad_or_transient_idempotency_key_is_refused_naming_the_header() {
        Chat chat = chat();
        for (String bad : List.of("", "k".repeat(65))) {
            assertThatThrownBy(() -> event(JOHN, chat, "1", bad)).isInstanceOfSatisfying(InvalidInput.class,
                    p -> assertThat(p.field()).isEqualTo("idempotencyKey"));
        }
        assertThatThrownBy(() -> new PostEventCommand(JOHN, chat.id(), "typing", null, null, null, new JsonText("1"),
                false, false, "k")).isInstanceOfSatisfying(InvalidInput.class,
                p -> assertThat(p.field()).isEqualTo("idempotencyKey"));
    }
}
