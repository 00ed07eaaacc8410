package dev.chatserver.application.contract;

import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.view.ContactCard;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.ReadState;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.im.Unread;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.NotFound;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Read pointers, unread counts and read receipts on each storage. */
public abstract class ReadPointerContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return ImPolicy.defaults();
    }


    private ReadState markRead(User caller, SessionView session, long messageId) {
        return im.reads.markRead(new MarkReadCommand(caller, session.uuid(), messageId));
    }

    private SessionView listed(User caller, SessionView session) {
        return im.listSessions.privateSessions(ListSessionsCommand.all(caller)).stream()
                .filter(s -> s.uuid().equals(session.uuid())).findFirst().orElseThrow();
    }

    private static OptionalLong seenBy(SessionView view, User member) {
        return view.users().stream().filter(u -> u.id().equals(member.id())).map(SessionMember::seenMessageId)
                .findFirst().orElseThrow();
    }

    private static void assertProblem(ThrowingCallable call, Class<? extends ChatProblem> type, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, p -> assertThat(p.field()).isEqualTo(field));
    }

    @Test
    void a_listing_counts_the_others_messages_after_the_callers_pointer_and_never_the_callers_own() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.post(lynx, session, "one");
        im.post(lynx, session, "two");
        im.post(ocelot, session, "mine");
        im.post(lynx, session, "three");

        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(1));
        assertThat(listed(lynx, session).unreadCount()).as("ocelot's reply came after lynx's own first posts")
                .isEqualTo(OptionalLong.of(0));
    }

    @Test
    void a_session_nobody_wrote_in_has_nothing_unread() {
        SessionView session = im.openPrivate(lynx, ocelot);

        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(0));
        assertThat(seenBy(listed(ocelot, session), ocelot)).isEmpty();
    }

    @Test
    void posting_moves_the_posters_own_pointer_and_members_see_each_others_pointers() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView hello = im.post(lynx, session, "hello");

        SessionView seenByOcelot = listed(ocelot, session);
        assertThat(seenBy(seenByOcelot, lynx)).isEqualTo(OptionalLong.of(hello.id()));
        assertThat(seenBy(seenByOcelot, ocelot)).isEmpty();
        assertThat(seenByOcelot.unreadCount()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void mark_read_moves_the_pointer_never_backwards_and_answers_what_is_still_unread() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView first = im.post(lynx, session, "one");
        MessageView second = im.post(lynx, session, "two");
        MessageView third = im.post(lynx, session, "three");

        ReadState atSecond = markRead(ocelot, session, second.id());
        ReadState back = markRead(ocelot, session, first.id());

        assertThat(atSecond).isEqualTo(new ReadState(second.id(), 1, false));
        assertThat(back).as("never backwards").isEqualTo(new ReadState(second.id(), 1, false));
        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(1));
        assertThat(seenBy(listed(lynx, session), ocelot)).isEqualTo(OptionalLong.of(second.id()));

        ReadState atThird = markRead(ocelot, session, third.id());
        assertThat(atThird).as("caught up: the session turns read").isEqualTo(new ReadState(third.id(), 0, true));
        assertThat(listed(ocelot, session).isRead()).isTrue();
        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void a_moved_pointer_is_a_read_receipt_to_every_member_and_the_readers_own_other_connections() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView hello = im.post(lynx, session, "hello");
        im.bus.clear();

        markRead(ocelot, session, hello.id());

        ReadReceipt receipt = new ReadReceipt(session.id(), session.uuid(), ocelot.id(), hello.id());
        assertThat(im.bus.ofKind(ReadReceipt.class)).extracting(Published::channel, Published::event)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Channel.ofUser(lynx.id()), receipt),
                        org.assertj.core.groups.Tuple.tuple(Channel.ofUser(ocelot.id()), receipt));
        assertThat(im.bus.ofKind(SessionChanged.class)).as("the reader's session turned read")
                .extracting(Published::channel).containsExactly(Channel.ofUser(ocelot.id()));

        im.bus.clear();
        markRead(ocelot, session, hello.id());
        assertThat(im.bus.published()).as("a pointer that does not move tells nobody").isEmpty();
    }

    @Test
    void reading_the_newest_history_page_moves_the_pointer_to_its_newest_message() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.post(lynx, session, "one");
        MessageView two = im.post(lynx, session, "two");
        im.bus.clear();

        im.history.history(HistoryCommand.newest(ocelot, session.uuid()));

        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(0));
        assertThat(seenBy(listed(lynx, session), ocelot)).isEqualTo(OptionalLong.of(two.id()));
        assertThat(im.bus.on(Channel.ofUser(lynx.id()), ReadReceipt.class))
                .containsExactly(new ReadReceipt(session.id(), session.uuid(), ocelot.id(), two.id()));
    }

    @Test
    void a_message_of_another_session_or_none_is_refused_naming_message_id_and_a_non_member_naming_uuid() {
        SessionView session = im.openPrivate(lynx, ocelot);
        SessionView other = im.openPrivate(lynx, pangolin);
        MessageView elsewhere = im.post(lynx, other, "not here");
        im.post(lynx, session, "here");
        im.bus.clear();

        assertProblem(() -> markRead(ocelot, session, elsewhere.id()), NotFound.class, "messageId");
        assertProblem(() -> markRead(ocelot, session, 999_999), NotFound.class, "messageId");
        assertProblem(() -> markRead(pangolin, session, elsewhere.id()), NotFound.class, "session");
        assertThat(im.bus.published()).isEmpty();
        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void group_listings_count_too() {
        AccountRegistry registry = ports().accounts();
        Group news = registry.createGroup("News");
        registry.addMember(news.id(), lynx.id());
        registry.addMember(news.id(), ocelot.id());
        registry.addMember(news.id(), pangolin.id());
        SessionView session = im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, news.id()));
        im.post(lynx, session, "from lynx");
        im.post(pangolin, session, "from pangolin");

        List<SessionView> ocelots = im.listSessions.groupSessions(ListGroupSessionsCommand.all(ocelot));
        List<SessionView> pangolins = im.listSessions.groupSessions(ListGroupSessionsCommand.all(pangolin));

        assertThat(ocelots).singleElement().satisfies(s -> assertThat(s.unreadCount()).isEqualTo(OptionalLong.of(2)));
        assertThat(pangolins).singleElement().satisfies(s -> assertThat(s.unreadCount()).isEqualTo(OptionalLong.of(0)));
    }

    @Test
    void init_carries_the_unread_count_of_the_private_session_with_each_contact() {
        im.addressBook.addUsers(new ChangeBookCommand(ocelot, List.of(lynx.id(), pangolin.id())));
        SessionView session = im.openPrivate(lynx, ocelot);
        im.post(lynx, session, "one");
        im.post(lynx, session, "two");

        List<ContactCard> cards = im.initChat.init(InitCommand.named(ocelot, ""));

        assertThat(cards).extracting(ContactCard::name, ContactCard::unreadCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lucid Lynx", 2L),
                        org.assertj.core.groups.Tuple.tuple("Precise Pangolin", 0L));
    }

    @Test
    void two_mark_reads_racing_end_at_the_greater_message() throws Exception {
        SessionView session = im.openPrivate(lynx, ocelot);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(im.post(lynx, session, "m" + i).id());
        }
        long newest = ids.get(ids.size() - 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReadState>> racing = new ArrayList<>();
                for (long id : List.of(ids.get(2 + round), newest, ids.get(5 + round))) {
                    Callable<ReadState> mark = () -> {
                        start.await();
                        return markRead(ocelot, session, id);
                    };
                    racing.add(pool.submit(mark));
                }
                start.countDown();
                for (Future<ReadState> answer : racing) {
                    answer.get();
                }
                assertThat(seenBy(listed(lynx, session), ocelot)).isEqualTo(OptionalLong.of(newest));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(listed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void counts_are_exact_under_concurrent_posts() throws Exception {
        SessionView session = im.openPrivate(lynx, ocelot);
        int posters = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < posters; p++) {
                User poster = p % 2 == 0 ? lynx : ocelot;
                int thread = p;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        im.post(poster, session, "t" + thread + "-" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // each side's count is the other side's messages after its own newest post
        for (User reader : List.of(lynx, ocelot)) {
            SessionView view = listed(reader, session);
            long seen = seenBy(view, reader).orElse(0);
            long expected = ports().imMessages().history(view.id(), OptionalLong.empty(), 1000).stream()
                    .filter(m -> m.id() > seen && !m.from().equals(reader.id())).count();
            assertThat(view.unreadCount()).isEqualTo(OptionalLong.of(expected));
        }
        MessageView last = im.post(lynx, session, "last");
        assertThat(markRead(ocelot, session, last.id())).isEqualTo(new ReadState(last.id(), 0, true));
    }

    @Test
    void the_store_counts_several_sessions_in_the_order_asked() {
        SessionView first = im.openPrivate(lynx, ocelot);
        SessionView second = im.openPrivate(lynx, pangolin);
        MessageView a = im.post(lynx, first, "a");
        im.post(lynx, first, "b");
        im.post(ocelot, first, "c");
        im.post(lynx, second, "d");

        ImMessages messages = ports().imMessages();
        assertThat(messages.countUnread(List.of())).isEmpty();
        assertThat(messages.countUnread(List.of(
                new Unread(second.id(), pangolin.id(), 0),
                new Unread(first.id(), ocelot.id(), 0),
                new Unread(first.id(), ocelot.id(), a.id()),
                new Unread(first.id(), lynx.id(), 0),
                new Unread(first.id(), pangolin.id(), Long.MAX_VALUE - 1))))
                .containsExactly(1L, 2L, 1L, 1L, 0L);
    }

    @Test
    void the_pointer_is_kept_with_the_membership_and_read_back_by_every_read() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView hello = im.post(lynx, session, "hello");
        markRead(ocelot, session, hello.id());

        ImSessions sessions = ports().imSessions();
        assertThat(sessions.ofMember(session.uuid(), ocelot.id()).orElseThrow().membership().seenMessageId())
                .isEqualTo(OptionalLong.of(hello.id()));
        assertThat(sessions.byUuid(session.uuid()).orElseThrow().membershipOf(lynx.id()).orElseThrow()
                .seenMessageId()).isEqualTo(OptionalLong.of(hello.id()));
        assertThat(ports().transactions().inTransaction(() ->
                sessions.lockMembersOf(List.of(sessions.byUuid(session.uuid()).orElseThrow())).get(0)
                        .membershipOf(ocelot.id()).orElseThrow().seenMessageId()))
                .isEqualTo(OptionalLong.of(hello.id()));
    }
}
