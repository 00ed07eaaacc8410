package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.in.im.AddPartnerCommand;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.im.ChangeStatusCommand;
import dev.chatserver.application.port.in.view.ContactCard;
import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.SessionPage;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IM use cases on each storage: what callers see, what they may do, and what is handed to the bus. */
@SuppressWarnings("unchecked")
public abstract class ImUseCasesContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return new ImPolicy(ImPolicy.STANDARD_TYPES, 16, 3, 5);
    }


    private static void assertProblem(ThrowingCallable call, Class<? extends ChatProblem> type, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, p -> assertThat(p.field()).isEqualTo(field));
    }

    @Test
    void opening_a_session_answers_it_as_the_caller_sees_it_and_tells_both_members_once() {
        im.presence.set(ocelot.id(), ImStatus.AWAY);

        SessionView session = im.openPrivate(lynx, ocelot);
        SessionView again = im.openPrivate(ocelot, lynx);

        assertThat(again.uuid()).isEqualTo(session.uuid());
        assertThat(session.createDate()).isEqualTo(Instant.parse("2026-11-21T07:46:21.123456Z"));
        assertThat(session.isGroup()).isFalse();
        assertThat(session.groups()).isEmpty();
        assertThat(session.withDocuments()).isFalse();
        assertThat(session.state()).isEqualTo(SessionState.OPEN);
        assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(session.isRead()).isTrue();
        assertThat(session.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());
        assertThat(session.users().get(1).imStatus()).isEqualTo(ImStatus.AWAY);
        assertThat(session.users().get(1).partner()).isEqualTo(ocelot.partner());
        assertThat(session.users().get(1).lastMessage()).isEmpty();
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactlyInAnyOrder(Channel.ofUser(lynx.id()), Channel.ofUser(ocelot.id()));
    }

    @Test
    void a_session_about_a_document_is_its_own_and_lists_the_document() {
        SessionView plain = im.openPrivate(lynx, ocelot);
        SessionView aboutDoc = im.openSession.openPrivate(new OpenSessionCommand(lynx, ocelot.id(), Optional.of(new DocumentRef("res.partner", "25"))));

        assertThat(aboutDoc.uuid()).isNotEqualTo(plain.uuid());
        assertThat(aboutDoc.withDocuments()).isTrue();
        assertThat(aboutDoc.docs()).singleElement().satisfies(link -> {
            assertThat(link.document().model()).isEqualTo("res.partner");
            assertThat(link.document().id()).isEqualTo("25");
        });
        assertThat(im.listSessions.privateSessions(new ListSessionsCommand(lynx, Optional.empty(), Optional.of(new DocumentRef("res.partner", "25")), Optional.empty(), SessionPage.ALL)))
                .extracting(SessionView::uuid).containsExactly(aboutDoc.uuid());
    }

    @Test
    void opening_a_session_with_an_unknown_user_or_half_a_document_is_refused_and_stores_nothing() {
        assertProblem(() -> im.openSession.openPrivate(OpenSessionCommand.of(lynx, UserId.of(999L))), NotFound.class, "userTo");
        assertProblem(() -> OpenSessionCommand.of(lynx, null), InvalidInput.class, "userTo");
        assertProblem(() -> im.openSession.openPrivate(OpenSessionCommand.of(lynx, lynx.id())),
                InvalidInput.class, "userTo");
        assertProblem(() -> new OpenSessionCommand(lynx, ocelot.id(), Optional.of(new DocumentRef(null, "25"))), InvalidInput.class, "documentModel");
        assertProblem(() -> new OpenSessionCommand(lynx, ocelot.id(), Optional.of(new DocumentRef("res.partner", null))), InvalidInput.class, "documentId");

        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(lynx))).isEmpty();
        assertThat(im.bus.published()).isEmpty();
    }

    @Test
    void only_a_member_of_a_group_opens_its_session_and_newcomers_join_it() {
        AccountRegistry registry = ports().accounts();
        Group news = registry.createGroup("News");
        registry.addMember(news.id(), lynx.id());
        registry.addMember(news.id(), ocelot.id());

        SessionView session = im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, news.id()));
        assertThat(session.isGroup()).isTrue();
        assertThat(session.groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("News"));
        assertThat(session.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());

        assertProblem(() -> im.openSession.openGroup(OpenGroupSessionCommand.of(pangolin, news.id())),
                NotFound.class, "group");
        assertProblem(() -> im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, GroupId.of(999L))),
                NotFound.class, "group");

        registry.addMember(news.id(), pangolin.id());
        im.bus.clear();
        SessionView joined = im.openSession.openGroup(OpenGroupSessionCommand.of(pangolin, news.id()));
        assertThat(joined.uuid()).isEqualTo(session.uuid());
        assertThat(joined.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id(), pangolin.id());
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactly(Channel.ofUser(pangolin.id()));
        assertThat(im.listSessions.groupSessions(new ListGroupSessionsCommand(ocelot, Optional.of(news.id()), Optional.empty(), Optional.empty(), SessionPage.ALL)))
                .extracting(SessionView::uuid).containsExactly(session.uuid());
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(ocelot))).isEmpty();
    }

    @Test
    void a_post_reaches_every_member_unreads_the_session_for_the_others_and_reopens_it_folded() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.arrangeSession.changeState(new ChangeStateCommand(ocelot, session.uuid(), SessionState.CLOSED));
        im.bus.clear();

        MessageView posted = im.post(lynx, session, "222");

        assertThat(posted.fromId()).isEqualTo(lynx.id());
        assertThat(posted.fromPartner()).isEqualTo(lynx.partner());
        assertThat(posted.sessionUuid()).isEqualTo(session.uuid());
        List<Published> messages = im.bus.ofKind(MessagePosted.class);
        assertThat(messages).extracting(Published::channel)
                .containsExactlyInAnyOrder(Channel.ofUser(lynx.id()), Channel.ofUser(ocelot.id()));
        assertThat(messages).extracting(p -> ((MessagePosted) p.event()).message()).containsOnly(posted);
        assertThat(im.bus.publications()).as("the post, then the session's change for ocelot: one publication each")
                .isEqualTo(2);
        List<Published> changes = im.bus.ofKind(SessionChanged.class);
        assertThat(changes).extracting(Published::channel).containsExactly(Channel.ofUser(ocelot.id()));
        SessionChanged change = (SessionChanged) changes.get(0).event();
        assertThat(change.viewer()).isEqualTo(ocelot.id());
        assertThat(change.session().isRead()).isFalse();
        assertThat(change.session().state()).isEqualTo(SessionState.FOLDED);

        SessionView seenByOcelot = im.listSessions.privateSessions(ListSessionsCommand.all(ocelot)).get(0);
        assertThat(seenByOcelot.isRead()).isFalse();
        assertThat(seenByOcelot.state()).isEqualTo(SessionState.FOLDED);
        SessionView seenByLynx = im.listSessions.privateSessions(ListSessionsCommand.all(lynx)).get(0);
        assertThat(seenByLynx.isRead()).isTrue();
        assertThat(seenByLynx.users().get(0).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("222"));
    }

    @Test
    void posts_stored_as_one_batch_end_as_if_posted_one_by_one_and_a_refused_one_changes_nothing() {
        SessionView oneByOne = im.openPrivate(lynx, ocelot);
        SessionView batched = im.openSession.openPrivate(new OpenSessionCommand(lynx, ocelot.id(), Optional.of(new DocumentRef("res.partner", "7"))));
        SessionView other = im.openPrivate(ocelot, pangolin);
        im.arrangeSession.changeState(new ChangeStateCommand(ocelot, oneByOne.uuid(), SessionState.CLOSED));
        im.arrangeSession.changeState(new ChangeStateCommand(ocelot, batched.uuid(), SessionState.CLOSED));
        im.post(lynx, oneByOne, "first");
        im.post(ocelot, oneByOne, "second");
        im.post(lynx, oneByOne, "third");
        im.bus.clear();

        List<Answer<MessageView>> answers = ports().transactions().inTransaction(() -> im.posting.write(List.of(
                new PostMessageCommand(lynx, batched.uuid(), MessageType.MESSAGE, "first"),
                new PostMessageCommand(pangolin, batched.uuid(), MessageType.MESSAGE, "not a member"),
                new PostMessageCommand(ocelot, batched.uuid(), MessageType.MESSAGE, "second"),
                new PostMessageCommand(pangolin, other.uuid(), MessageType.MESSAGE, "elsewhere"),
                new PostMessageCommand(lynx, batched.uuid(), MessageType.MESSAGE, "third"))));

        assertThat(answers.get(1).problem()).isInstanceOfSatisfying(NotFound.class,
                p -> assertThat(p.field()).isEqualTo("session"));
        List<MessageView> stored = List.of(answers.get(0).result(), answers.get(2).result(),
                answers.get(3).result(), answers.get(4).result());
        assertThat(stored).extracting(MessageView::message).containsExactly("first", "second", "elsewhere", "third");
        assertThat(stored).extracting(MessageView::id).isSorted().doesNotHaveDuplicates();
        for (User member : List.of(lynx, ocelot)) {
            SessionView a = sessionAsSeenBy(member, oneByOne.uuid());
            SessionView b = sessionAsSeenBy(member, batched.uuid());
            assertThat(b.isRead()).as("read for " + member.name()).isEqualTo(a.isRead());
            assertThat(b.state()).as("state for " + member.name()).isEqualTo(a.state());
            assertThat(b.users()).extracting(u -> u.lastMessage().map(m -> m.message()).orElse(""))
                    .isEqualTo(a.users().stream().map(u -> u.lastMessage().map(m -> m.message()).orElse("")).toList());
        }
        assertThat(im.bus.ofKind(MessagePosted.class)).as("each stored post told to each member of its session")
                .hasSize(8);
        assertThat(im.history.history(HistoryCommand.newest(ocelot, batched.uuid())))
                .extracting(MessageView::message).containsExactly("third", "second", "first");
    }

    private SessionView sessionAsSeenBy(User member, java.util.UUID uuid) {
        return im.listSessions.privateSessions(ListSessionsCommand.all(member)).stream()
                .filter(s -> s.uuid().equals(uuid)).findFirst()
                .or(() -> im.listSessions.privateSessions(new ListSessionsCommand(member, Optional.empty(), Optional.of(new DocumentRef("res.partner", "7")), Optional.empty(), SessionPage.ALL))
                        .stream().filter(s -> s.uuid().equals(uuid)).findFirst())
                .orElseThrow();
    }

    @Test
    void only_members_post_and_read_and_a_hidden_session_answers_like_a_missing_one() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.post(lynx, session, "secret");
        String missing = UUID.randomUUID().toString();

        assertThatThrownBy(() -> im.post(pangolin, session, "let me in"))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("session");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });
        assertThatThrownBy(() -> im.messages.post(new PostMessageCommand(pangolin, UUID.fromString(missing), MessageType.MESSAGE, "hi")))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("session");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });
        assertProblem(() -> im.history.history(HistoryCommand.newest(pangolin, session.uuid())),
                NotFound.class, "session");
        assertProblem(() -> im.arrangeSession.changeStatus(new ChangeStatusCommand(pangolin, session.uuid(), SessionStatus.ARCHIVE)),
                NotFound.class, "session");
        assertProblem(() -> im.arrangeSession.changeState(new ChangeStateCommand(pangolin, session.uuid(), SessionState.CLOSED)),
                NotFound.class, "session");
        assertThat(im.history.history(HistoryCommand.newest(ocelot, session.uuid())))
                .extracting(MessageView::message).containsExactly("secret");
    }

    @Test
    void a_rejected_post_stores_nothing_and_tells_nobody() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.bus.clear();

        assertProblem(() -> im.messages.post(new PostMessageCommand(lynx, session.uuid(), new MessageType("shout"), "hi")),
                InvalidInput.class, "type");
        assertProblem(() -> new PostMessageCommand(lynx, session.uuid(), new MessageType("Not A Type"), "hi"),
                InvalidInput.class, "type");
        assertProblem(() -> im.post(lynx, session, "x".repeat(17)), InvalidInput.class, "content");
        assertProblem(() -> im.post(lynx, session, "é".repeat(9)), InvalidInput.class, "content");
        assertProblem(() -> im.post(lynx, session, ""), InvalidInput.class, "content");
        assertProblem(() -> im.post(lynx, session, "  "), InvalidInput.class, "content");
        assertProblem(() -> new PostMessageCommand(lynx, session.uuid(), MessageType.MESSAGE, null),
                InvalidInput.class, "content");
        assertProblem(() -> new PostMessageCommand(lynx, null, MessageType.MESSAGE, "hi"), InvalidInput.class, "session");

        assertThat(ports().imMessages().history(session.id(), OptionalLong.empty(), 10)).isEmpty();
        assertThat(im.bus.published()).isEmpty();
        assertThat(im.post(lynx, session, "x".repeat(16)).message()).hasSize(16);
    }

    @Test
    void history_pages_newest_first_with_a_default_and_a_cap_and_marks_the_session_read() {
        SessionView session = im.openPrivate(lynx, ocelot);
        for (int i = 1; i <= 7; i++) {
            im.post(i % 2 == 0 ? lynx : ocelot, session, "m" + i);
        }
        String uuid = session.uuid().toString();
        im.bus.clear();

        List<MessageView> first = im.history.history(HistoryCommand.newest(lynx, UUID.fromString(uuid)));
        List<MessageView> capped = im.history.history(new HistoryCommand(lynx, UUID.fromString(uuid), OptionalLong.empty(), OptionalInt.of(1000)));
        List<MessageView> next = im.history.history(new HistoryCommand(lynx, UUID.fromString(uuid), OptionalLong.of(first.get(2).id()), OptionalInt.of(100)));

        assertThat(first).extracting(MessageView::message).as("default page").containsExactly("m7", "m6", "m5");
        assertThat(capped).as("capped page").hasSize(5);
        assertThat(next).extracting(MessageView::message).containsExactly("m4", "m3", "m2", "m1");
        assertThat(first.get(0).fromName()).isEqualTo("Oneiric Ocelot");
        assertThat(first.get(0).fromPartner()).isEqualTo(ocelot.partner());
        assertThat(first.get(0).sessionId()).isEqualTo(session.id());
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .as("read once, told once").containsExactly(Channel.ofUser(lynx.id()));
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(lynx)).get(0).isRead()).isTrue();
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(ocelot)).get(0).isRead()).isFalse();
        assertProblem(() -> new HistoryCommand(lynx, UUID.fromString(uuid), OptionalLong.of(0L), OptionalInt.empty()), InvalidInput.class, "lastId");
        assertProblem(() -> new HistoryCommand(lynx, UUID.fromString(uuid), OptionalLong.empty(), OptionalInt.of(0)), InvalidInput.class, "limit");
    }

    @Test
    void a_member_sets_their_own_status_and_state_and_is_told() {
        SessionView session = im.openPrivate(lynx, ocelot);
        String uuid = session.uuid().toString();
        im.bus.clear();

        SessionView favorite = im.arrangeSession.changeStatus(new ChangeStatusCommand(lynx, UUID.fromString(uuid), SessionStatus.FAVORITE));
        SessionView folded = im.arrangeSession.changeState(new ChangeStateCommand(lynx, UUID.fromString(uuid), SessionState.FOLDED));

        assertThat(favorite.status()).isEqualTo(SessionStatus.FAVORITE);
        assertThat(folded.state()).isEqualTo(SessionState.FOLDED);
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactly(Channel.ofUser(lynx.id()), Channel.ofUser(lynx.id()));
        SessionView seenByOcelot = im.listSessions.privateSessions(ListSessionsCommand.all(ocelot)).get(0);
        assertThat(seenByOcelot.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(seenByOcelot.state()).isEqualTo(SessionState.OPEN);
        assertThat(im.listSessions.privateSessions(new ListSessionsCommand(lynx, Optional.empty(), Optional.empty(), Optional.of(SessionState.FOLDED), SessionPage.ALL)))
                .extracting(SessionView::uuid).containsExactly(session.uuid());
        assertProblem(() -> new ChangeStatusCommand(lynx, UUID.fromString(uuid), null), InvalidInput.class, "newStatus");
        assertProblem(() -> new ChangeStatusCommand(lynx, null, SessionStatus.ARCHIVE), InvalidInput.class, "session");
        assertProblem(() -> im.listSessions.privateSessions(new ListSessionsCommand(lynx, Optional.of(UserId.of(999L)), Optional.empty(), Optional.empty(), SessionPage.ALL)),
                NotFound.class, "userTo");
        assertProblem(() -> im.listSessions.groupSessions(new ListGroupSessionsCommand(lynx, Optional.of(GroupId.of(999L)), Optional.empty(), Optional.empty(), SessionPage.ALL)),
                NotFound.class, "group");
    }

    @Test
    void listings_page_by_limit_and_before_id_and_refuse_bad_values_naming_them() {
        SessionView withOcelot = im.openPrivate(lynx, ocelot);
        SessionView aboutDoc = im.openSession.openPrivate(new OpenSessionCommand(lynx, ocelot.id(), Optional.of(new DocumentRef("res.partner", "25"))));
        SessionView withPangolin = im.openPrivate(lynx, pangolin);

        List<SessionView> first = im.listSessions.privateSessions(
                new ListSessionsCommand(lynx, Optional.empty(), Optional.empty(), Optional.empty(), new SessionPage(OptionalLong.empty(), OptionalInt.of(2))));
        List<SessionView> second = im.listSessions.privateSessions(
                new ListSessionsCommand(lynx, Optional.empty(), Optional.empty(), Optional.empty(), new SessionPage(OptionalLong.of(first.get(1).id()), OptionalInt.of(2))));

        assertThat(first).extracting(SessionView::uuid).containsExactly(withPangolin.uuid(), aboutDoc.uuid());
        assertThat(second).extracting(SessionView::uuid).containsExactly(withOcelot.uuid());
        assertThat(second.get(0).users()).hasSize(2);
        assertThat(im.listSessions.privateSessions(new ListSessionsCommand(lynx, Optional.of(ocelot.id()), Optional.empty(), Optional.empty(), new SessionPage(OptionalLong.empty(), OptionalInt.of(1))))).extracting(SessionView::uuid).containsExactly(aboutDoc.uuid());
        assertThat(im.listSessions.groupSessions(new ListGroupSessionsCommand(lynx, Optional.empty(), Optional.empty(), Optional.empty(), new SessionPage(OptionalLong.of(1L), OptionalInt.of(5))))).isEmpty();
        assertProblem(() -> new SessionPage(OptionalLong.empty(), OptionalInt.of(0)), InvalidInput.class, "limit");
        assertProblem(() -> new SessionPage(OptionalLong.empty(), OptionalInt.of(-3)), InvalidInput.class, "limit");
        assertProblem(() -> new SessionPage(OptionalLong.of(0L), OptionalInt.empty()), InvalidInput.class, "beforeId");
        assertProblem(() -> new SessionPage(OptionalLong.of(-1L), OptionalInt.of(10)), InvalidInput.class, "beforeId");
    }

    @Test
    void outside_the_book_only_those_sharing_a_session_show_their_presence() {
        im.presence.set(ocelot.id(), ImStatus.ONLINE);
        im.presence.set(pangolin.id(), ImStatus.ONLINE);
        im.openPrivate(lynx, ocelot);

        assertThat(im.addressBook.usersOutsideBook(lynx)).extracting(ContactView::id, ContactView::imStatus).containsExactly(
                tuple(ocelot.id(), ImStatus.ONLINE), tuple(pangolin.id(), ImStatus.OFFLINE));
    }

    @Test
    void the_address_book_is_the_callers_own_and_unknown_ids_change_nothing() {
        im.presence.set(ocelot.id(), ImStatus.ONLINE);

        assertThat(im.addressBook.usersOutsideBook(lynx)).extracting(ContactView::id).containsExactly(ocelot.id(), pangolin.id());
        im.addressBook.addUsers(new ChangeBookCommand(lynx, List.of(ocelot.id())));
        im.addressBook.addUsers(new ChangeBookCommand(lynx, List.of(ocelot.id())));

        assertThat(im.addressBook.usersInBook(lynx)).containsExactly(new ContactView(ocelot.id(), "Oneiric Ocelot", ImStatus.ONLINE));
        assertThat(im.addressBook.usersOutsideBook(lynx)).extracting(ContactView::id).containsExactly(pangolin.id());
        assertThat(im.addressBook.usersInBook(ocelot)).isEmpty();

        assertThatThrownBy(() -> im.addressBook.addUsers(new ChangeBookCommand(lynx, List.of(pangolin.id(), UserId.of(998L), UserId.of(999L)))))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("userIds");
                    assertThat(p.getMessage()).contains("998", "999");
                });
        assertProblem(() -> im.addressBook.addUsers(new ChangeBookCommand(lynx, List.of(lynx.id()))),
                InvalidInput.class, "userIds");
        assertProblem(() -> im.addressBook.removeUsers(new ChangeBookCommand(lynx, List.of(ocelot.id(), UserId.of(999L)))),
                NotFound.class, "userIds");
        assertProblem(() -> new ChangeBookCommand(lynx, null), InvalidInput.class, "userIds");
        assertThat(ports().addressBooks().contactsOf(lynx.id())).containsExactly(ocelot.id());

        im.addressBook.removeUsers(new ChangeBookCommand(lynx, List.of(ocelot.id())));
        assertThat(im.addressBook.usersInBook(lynx)).isEmpty();
    }

    @Test
    void a_partner_is_added_only_to_the_callers_own_book() {
        im.addressBook.addPartner(new AddPartnerCommand(lynx, lynx.partner().id(), pangolin.partner().id()));
        assertThat(im.addressBook.usersInBook(lynx)).extracting(ContactView::id).containsExactly(pangolin.id());

        assertProblem(() -> im.addressBook.addPartner(new AddPartnerCommand(lynx, ocelot.partner().id(), pangolin.partner().id())), InvalidInput.class, "parent");
        assertProblem(() -> im.addressBook.addPartner(new AddPartnerCommand(lynx, lynx.partner().id(), PartnerId.of(999L))),
                NotFound.class, "child");
        assertProblem(() -> new AddPartnerCommand(lynx, null, PartnerId.of(1L)), InvalidInput.class, "parent");
        assertThat(im.addressBook.usersInBook(ocelot)).isEmpty();
    }

    @Test
    void init_lists_matching_contacts_with_the_newest_message_between_the_two() {
        User quetzal = newUser("quetzal", "Quantal Quetzal");
        im.addressBook.addUsers(new ChangeBookCommand(lynx, List.of(ocelot.id(), pangolin.id(), quetzal.id())));
        SessionView withOcelot = im.openPrivate(lynx, ocelot);
        im.post(lynx, withOcelot, "111");
        im.post(ocelot, withOcelot, "222");
        im.presence.set(ocelot.id(), ImStatus.AWAY);

        List<ContactCard> all = im.initChat.init(InitCommand.named(lynx, ""));
        List<ContactCard> named = im.initChat.init(InitCommand.named(lynx, "PANGO"));
        List<ContactCard> limited = im.initChat.init(new InitCommand(lynx, "", OptionalInt.of(2)));

        assertThat(all).extracting(ContactCard::id).containsExactly(ocelot.id(), pangolin.id(), quetzal.id());
        assertThat(all.get(0).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("222"));
        assertThat(all.get(0).imStatus()).isEqualTo(ImStatus.AWAY);
        assertThat(all.get(0).email()).isEqualTo("ocelot@example.org");
        assertThat(all.get(0).partner()).isEqualTo(ocelot.partner());
        assertThat(all.get(1).lastMessage()).isEmpty();
        assertThat(named).extracting(ContactCard::id).containsExactly(pangolin.id());
        assertThat(limited).hasSize(2);
        assertProblem(() -> InitCommand.named(lynx, null), InvalidInput.class, "name");
        assertProblem(() -> new InitCommand(lynx, "", OptionalInt.of(-1)), InvalidInput.class, "limit");
        assertThat(Set.copyOf(im.initChat.init(InitCommand.named(ocelot, "")))).isEmpty();
    }

    @Test
    void a_non_member_post_is_refused_on_every_store_and_changes_nobodys_view() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView secret = im.post(lynx, session, "secret");

        assertThatThrownBy(() -> im.post(pangolin, session, "let me in"))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("session");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });

        assertThat(ports().imMessages().history(session.id(), OptionalLong.empty(), 10))
                .extracting(m -> m.id()).containsExactly(secret.id());
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(lynx)).get(0).isRead()).isTrue();
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(ocelot)).get(0).isRead()).isFalse();
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(pangolin))).isEmpty();
    }

    @Test
    void nobody_opens_a_session_with_themselves_and_nothing_is_stored() {
        assertProblem(() -> im.openSession.openPrivate(OpenSessionCommand.of(lynx, lynx.id())),
                InvalidInput.class, "userTo");
        assertProblem(() -> im.openSession.openPrivate(new OpenSessionCommand(lynx, lynx.id(), Optional.of(new DocumentRef("res.partner", "25")))),
                InvalidInput.class, "userTo");

        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(lynx))).isEmpty();
    }

    @Test
    void a_change_that_changes_nothing_answers_the_session_as_it_is() {
        SessionView session = im.openPrivate(lynx, ocelot);
        String uuid = session.uuid().toString();
        im.post(ocelot, session, "hi");

        SessionView same = im.arrangeSession.changeState(new ChangeStateCommand(lynx, UUID.fromString(uuid), SessionState.OPEN));
        SessionView sameStatus = im.arrangeSession.changeStatus(new ChangeStatusCommand(lynx, UUID.fromString(uuid), SessionStatus.ACTIVE));

        assertThat(same.state()).isEqualTo(SessionState.OPEN);
        assertThat(same.isRead()).as("the post's unread is kept").isFalse();
        assertThat(sameStatus.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(sameStatus.users().get(1).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("hi"));
    }

    private SessionView invite(User caller, SessionView session, User newcomer) {
        return im.invitations.invite(new InviteCommand(caller, session.uuid(), newcomer.id()));
    }

    @Test
    void a_member_invites_a_third_user_every_member_is_told_and_the_pair_gets_a_new_session_next() {
        SessionView pairs = im.openPrivate(lynx, ocelot);
        im.bus.clear();

        SessionView joined = invite(lynx, pairs, pangolin);

        assertThat(joined.uuid()).isEqualTo(pairs.uuid());
        assertThat(joined.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id(), pangolin.id());
        for (User member : List.of(lynx, ocelot, pangolin)) {
            assertThat(im.bus.on(Channel.ofUser(member.id()), DomainEvent.class))
                    .as("what %s is told", member.name())
                    .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SessionChanged.class, changed -> {
                        assertThat(changed.session().uuid()).isEqualTo(pairs.uuid());
                        assertThat(changed.session().users()).hasSize(3);
                    }))
                    .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(MessagePosted.class, posted -> {
                        assertThat(posted.message().type()).isEqualTo("meta");
                        assertThat(posted.message().message()).isEqualTo("Precise Pangolin joined the conversation.");
                        assertThat(posted.message().fromId()).isEqualTo(lynx.id());
                    }));
        }
        assertThat(im.history.history(HistoryCommand.newest(pangolin, pairs.uuid())))
                .extracting(MessageView::message).containsExactly("Precise Pangolin joined the conversation.");
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(pangolin)))
                .extracting(SessionView::uuid).containsExactly(pairs.uuid());

        SessionView next = im.openPrivate(ocelot, lynx);
        assertThat(next.uuid()).as("the pair's session is a new one").isNotEqualTo(pairs.uuid());
        assertThat(next.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());
        assertThat(im.openPrivate(lynx, ocelot).uuid()).isEqualTo(next.uuid());
    }

    @Test
    void inviting_into_a_group_session_adds_the_member_and_a_member_again_changes_nothing() {
        Group news = ports().accounts().createGroup("News");
        news = ports().accounts().addMember(news.id(), lynx.id());
        SessionView group = im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, news.id()));

        SessionView joined = invite(lynx, group, ocelot);
        assertThat(joined.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());
        assertThat(im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, news.id())).uuid())
                .as("a group's session stays the group's").isEqualTo(group.uuid());
        im.bus.clear();

        SessionView again = invite(ocelot, group, ocelot);
        assertThat(again.users()).hasSize(2);
        assertThat(invite(lynx, group, ocelot).users()).hasSize(2);
        assertThat(im.bus.published()).isEmpty();
    }

    @Test
    void only_a_member_invites_an_existing_user_and_a_refusal_stores_nothing() {
        SessionView pairs = im.openPrivate(lynx, ocelot);
        im.bus.clear();

        assertProblem(() -> invite(pangolin, pairs, pangolin), NotFound.class, "session");
        assertProblem(() -> im.invitations.invite(new InviteCommand(lynx, UUID.randomUUID(), pangolin.id())),
                NotFound.class, "session");
        assertProblem(() -> im.invitations.invite(new InviteCommand(lynx, pairs.uuid(), UserId.of(999L))),
                NotFound.class, "newcomer");
        assertProblem(() -> new InviteCommand(lynx, null, pangolin.id()), InvalidInput.class, "session");
        assertProblem(() -> new InviteCommand(lynx, pairs.uuid(), null), InvalidInput.class, "newcomer");

        assertThat(im.bus.published()).isEmpty();
        assertThat(im.openPrivate(lynx, ocelot).uuid()).isEqualTo(pairs.uuid());
        assertThat(im.history.history(HistoryCommand.newest(lynx, pairs.uuid()))).isEmpty();
    }

    @Test
    void members_racing_to_invite_the_same_user_add_them_once() throws Exception {
        SessionView pairs = im.openPrivate(lynx, ocelot);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<SessionView>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            User inviter = i % 2 == 0 ? lynx : ocelot;
            racers.add(() -> {
                start.await();
                return invite(inviter, pairs, pangolin);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            List<Future<SessionView>> futures = new ArrayList<>();
            racers.forEach(r -> futures.add(pool.submit(r)));
            start.countDown();
            for (Future<SessionView> future : futures) {
                assertThat(future.get().users()).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(im.history.history(HistoryCommand.newest(pangolin, pairs.uuid())))
                .extracting(MessageView::type).as("one meta message: one invitation took").containsExactly("meta");
        assertThat(im.bus.ofKind(MessagePosted.class)).hasSize(3);
        assertThat(im.openPrivate(lynx, ocelot).uuid()).isNotEqualTo(pairs.uuid());
    }
}
