package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.domain.event.DomainEvent;
import dev.chatserver.domain.event.MessagePosted;
import dev.chatserver.domain.event.SessionChanged;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.in.im.AddPartnerCommand;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.im.ChangeStateCommand;
import dev.chatserver.application.port.in.im.ChangeStatusCommand;
import dev.chatserver.application.port.in.im.ContactCard;
import dev.chatserver.application.port.in.im.ContactView;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.SessionPage;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.domain.im.SessionMember;
import dev.chatserver.domain.im.SessionView;
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
        SessionView aboutDoc = im.sessions.openPrivate(OpenSessionCommand.of(lynx, ocelot.id().value(), "25", "res.partner"));

        assertThat(aboutDoc.uuid()).isNotEqualTo(plain.uuid());
        assertThat(aboutDoc.withDocuments()).isTrue();
        assertThat(aboutDoc.docs()).singleElement().satisfies(link -> {
            assertThat(link.document().model()).isEqualTo("res.partner");
            assertThat(link.document().id()).isEqualTo("25");
        });
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, "25", "res.partner", null)))
                .extracting(SessionView::uuid).containsExactly(aboutDoc.uuid());
    }

    @Test
    void opening_a_session_with_an_unknown_user_or_half_a_document_is_refused_and_stores_nothing() {
        assertProblem(() -> im.sessions.openPrivate(OpenSessionCommand.of(lynx, 999L, null, null)), NotFound.class, "user_to");
        assertProblem(() -> OpenSessionCommand.of(lynx, null, null, null), InvalidInput.class, "user_to");
        assertProblem(() -> im.sessions.openPrivate(OpenSessionCommand.of(lynx, lynx.id().value(), null, null)),
                InvalidInput.class, "user_to");
        assertProblem(() -> OpenSessionCommand.of(lynx, ocelot.id().value(), "25", null), InvalidInput.class, "doc_model");
        assertProblem(() -> OpenSessionCommand.of(lynx, ocelot.id().value(), null, "res.partner"), InvalidInput.class, "doc_id");

        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, null))).isEmpty();
        assertThat(im.bus.published()).isEmpty();
    }

    @Test
    void only_a_member_of_a_group_opens_its_session_and_newcomers_join_it() {
        AccountRegistry registry = ports().accounts();
        Group news = registry.createGroup("News");
        registry.addMember(news.id(), lynx.id());
        registry.addMember(news.id(), ocelot.id());

        SessionView session = im.sessions.openGroup(OpenGroupSessionCommand.of(lynx, news.id().value(), null, null));
        assertThat(session.isGroup()).isTrue();
        assertThat(session.groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("News"));
        assertThat(session.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());

        assertProblem(() -> im.sessions.openGroup(OpenGroupSessionCommand.of(pangolin, news.id().value(), null, null)),
                NotFound.class, "group");
        assertProblem(() -> im.sessions.openGroup(OpenGroupSessionCommand.of(lynx, 999L, null, null)),
                NotFound.class, "group");

        registry.addMember(news.id(), pangolin.id());
        im.bus.clear();
        SessionView joined = im.sessions.openGroup(OpenGroupSessionCommand.of(pangolin, news.id().value(), null, null));
        assertThat(joined.uuid()).isEqualTo(session.uuid());
        assertThat(joined.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id(), pangolin.id());
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactly(Channel.ofUser(pangolin.id()));
        assertThat(im.sessions.groupSessions(ListGroupSessionsCommand.of(ocelot, news.id().value(), null, null, null)))
                .extracting(SessionView::uuid).containsExactly(session.uuid());
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(ocelot, null, null, null, null))).isEmpty();
    }

    @Test
    void a_post_reaches_every_member_unreads_the_session_for_the_others_and_reopens_it_folded() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.sessions.changeState(ChangeStateCommand.of(ocelot, session.uuid().toString(), "closed"));
        im.bus.clear();

        MessageView posted = im.post(lynx, session, "222");

        assertThat(posted.fromId()).isEqualTo(lynx.id());
        assertThat(posted.fromPartner()).isEqualTo(lynx.partner());
        assertThat(posted.sessionUuid()).isEqualTo(session.uuid());
        List<Published> messages = im.bus.ofKind(MessagePosted.class);
        assertThat(messages).extracting(Published::channel)
                .containsExactlyInAnyOrder(Channel.ofUser(lynx.id()), Channel.ofUser(ocelot.id()));
        assertThat(messages).extracting(p -> ((MessagePosted) p.event()).message()).containsOnly(posted);
        List<Published> changes = im.bus.ofKind(SessionChanged.class);
        assertThat(changes).extracting(Published::channel).containsExactly(Channel.ofUser(ocelot.id()));
        SessionChanged change = (SessionChanged) changes.get(0).event();
        assertThat(change.viewer()).isEqualTo(ocelot.id());
        assertThat(change.session().isRead()).isFalse();
        assertThat(change.session().state()).isEqualTo(SessionState.FOLDED);

        SessionView seenByOcelot = im.sessions.privateSessions(ListSessionsCommand.of(ocelot, null, null, null, null)).get(0);
        assertThat(seenByOcelot.isRead()).isFalse();
        assertThat(seenByOcelot.state()).isEqualTo(SessionState.FOLDED);
        SessionView seenByLynx = im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, null)).get(0);
        assertThat(seenByLynx.isRead()).isTrue();
        assertThat(seenByLynx.users().get(0).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("222"));
    }

    @Test
    void posts_stored_as_one_batch_end_as_if_posted_one_by_one_and_a_refused_one_changes_nothing() {
        SessionView oneByOne = im.openPrivate(lynx, ocelot);
        SessionView batched = im.sessions.openPrivate(OpenSessionCommand.of(lynx, ocelot.id().value(), "7", "res.partner"));
        SessionView other = im.openPrivate(ocelot, pangolin);
        im.sessions.changeState(ChangeStateCommand.of(ocelot, oneByOne.uuid().toString(), "closed"));
        im.sessions.changeState(ChangeStateCommand.of(ocelot, batched.uuid().toString(), "closed"));
        im.post(lynx, oneByOne, "first");
        im.post(ocelot, oneByOne, "second");
        im.post(lynx, oneByOne, "third");
        im.bus.clear();

        List<Answer<MessageView>> answers = ports().transactions().inTransaction(() -> im.posting.write(List.of(
                PostMessageCommand.of(lynx, batched.uuid().toString(), "message", "first"),
                PostMessageCommand.of(pangolin, batched.uuid().toString(), "message", "not a member"),
                PostMessageCommand.of(ocelot, batched.uuid().toString(), "message", "second"),
                PostMessageCommand.of(pangolin, other.uuid().toString(), "message", "elsewhere"),
                PostMessageCommand.of(lynx, batched.uuid().toString(), "message", "third"))));

        assertThat(answers.get(1).problem()).isInstanceOfSatisfying(NotFound.class,
                p -> assertThat(p.field()).isEqualTo("uuid"));
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
        assertThat(im.history.history(HistoryCommand.of(ocelot, batched.uuid().toString(), null, null)))
                .extracting(MessageView::message).containsExactly("third", "second", "first");
    }

    private SessionView sessionAsSeenBy(User member, java.util.UUID uuid) {
        return im.sessions.privateSessions(ListSessionsCommand.of(member, null, null, null, null)).stream()
                .filter(s -> s.uuid().equals(uuid)).findFirst()
                .or(() -> im.sessions.privateSessions(ListSessionsCommand.of(member, null, "7", "res.partner", null))
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
                    assertThat(p.field()).isEqualTo("uuid");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });
        assertThatThrownBy(() -> im.messages.post(PostMessageCommand.of(pangolin, missing, "message", "hi")))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("uuid");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });
        assertProblem(() -> im.history.history(HistoryCommand.of(pangolin, session.uuid().toString(), null, null)),
                NotFound.class, "uuid");
        assertProblem(() -> im.sessions.changeStatus(ChangeStatusCommand.of(pangolin, session.uuid().toString(), "archive")),
                NotFound.class, "uuid");
        assertProblem(() -> im.sessions.changeState(ChangeStateCommand.of(pangolin, session.uuid().toString(), "closed")),
                NotFound.class, "uuid");
        assertThat(im.history.history(HistoryCommand.of(ocelot, session.uuid().toString(), null, null)))
                .extracting(MessageView::message).containsExactly("secret");
    }

    @Test
    void a_rejected_post_stores_nothing_and_tells_nobody() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.bus.clear();

        assertProblem(() -> im.messages.post(PostMessageCommand.of(lynx, session.uuid().toString(), "shout", "hi")),
                InvalidInput.class, "message_type");
        assertProblem(() -> PostMessageCommand.of(lynx, session.uuid().toString(), "Not A Type", "hi"),
                InvalidInput.class, "message_type");
        assertProblem(() -> im.post(lynx, session, "x".repeat(17)), InvalidInput.class, "message_content");
        assertProblem(() -> im.post(lynx, session, "é".repeat(9)), InvalidInput.class, "message_content");
        assertProblem(() -> im.post(lynx, session, ""), InvalidInput.class, "message_content");
        assertProblem(() -> im.post(lynx, session, "  "), InvalidInput.class, "message_content");
        assertProblem(() -> PostMessageCommand.of(lynx, session.uuid().toString(), "message", null),
                InvalidInput.class, "message_content");
        assertProblem(() -> PostMessageCommand.of(lynx, "not-a-uuid", "message", "hi"), InvalidInput.class, "uuid");
        assertProblem(() -> PostMessageCommand.of(lynx, null, "message", "hi"), InvalidInput.class, "uuid");

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

        List<MessageView> first = im.history.history(HistoryCommand.of(lynx, uuid, null, null));
        List<MessageView> capped = im.history.history(HistoryCommand.of(lynx, uuid, null, 1000L));
        List<MessageView> next = im.history.history(HistoryCommand.of(lynx, uuid, first.get(2).id(), 100L));

        assertThat(first).extracting(MessageView::message).as("default page").containsExactly("m7", "m6", "m5");
        assertThat(capped).as("capped page").hasSize(5);
        assertThat(next).extracting(MessageView::message).containsExactly("m4", "m3", "m2", "m1");
        assertThat(first.get(0).fromName()).isEqualTo("Oneiric Ocelot");
        assertThat(first.get(0).fromPartner()).isEqualTo(ocelot.partner());
        assertThat(first.get(0).sessionId()).isEqualTo(session.id());
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .as("read once, told once").containsExactly(Channel.ofUser(lynx.id()));
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, null)).get(0).isRead()).isTrue();
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(ocelot, null, null, null, null)).get(0).isRead()).isFalse();
        assertProblem(() -> HistoryCommand.of(lynx, uuid, 0L, null), InvalidInput.class, "last_ID");
        assertProblem(() -> HistoryCommand.of(lynx, uuid, null, 0L), InvalidInput.class, "limit");
    }

    @Test
    void a_member_sets_their_own_status_and_state_and_is_told() {
        SessionView session = im.openPrivate(lynx, ocelot);
        String uuid = session.uuid().toString();
        im.bus.clear();

        SessionView favorite = im.sessions.changeStatus(ChangeStatusCommand.of(lynx, uuid, "favorite"));
        SessionView folded = im.sessions.changeState(ChangeStateCommand.of(lynx, uuid, "folded"));

        assertThat(favorite.status()).isEqualTo(SessionStatus.FAVORITE);
        assertThat(folded.state()).isEqualTo(SessionState.FOLDED);
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactly(Channel.ofUser(lynx.id()), Channel.ofUser(lynx.id()));
        SessionView seenByOcelot = im.sessions.privateSessions(ListSessionsCommand.of(ocelot, null, null, null, null)).get(0);
        assertThat(seenByOcelot.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(seenByOcelot.state()).isEqualTo(SessionState.OPEN);
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, "folded")))
                .extracting(SessionView::uuid).containsExactly(session.uuid());
        assertProblem(() -> ChangeStatusCommand.of(lynx, uuid, "deleted"), InvalidInput.class, "new_status");
        assertProblem(() -> ChangeStatusCommand.of(lynx, uuid, null), InvalidInput.class, "new_status");
        assertProblem(() -> ChangeStatusCommand.of(lynx, null, "archive"), InvalidInput.class, "uuid");
        assertProblem(() -> ChangeStateCommand.of(lynx, uuid, "minimised"), InvalidInput.class, "state");
        assertProblem(() -> ListSessionsCommand.of(lynx, null, null, null, "gone"), InvalidInput.class, "state");
        assertProblem(() -> im.sessions.privateSessions(ListSessionsCommand.of(lynx, 999L, null, null, null)),
                NotFound.class, "user_to");
        assertProblem(() -> im.sessions.groupSessions(ListGroupSessionsCommand.of(lynx, 999L, null, null, null)),
                NotFound.class, "group");
    }

    @Test
    void listings_page_by_limit_and_before_id_and_refuse_bad_values_naming_them() {
        SessionView withOcelot = im.openPrivate(lynx, ocelot);
        SessionView aboutDoc = im.sessions.openPrivate(OpenSessionCommand.of(lynx, ocelot.id().value(), "25", "res.partner"));
        SessionView withPangolin = im.openPrivate(lynx, pangolin);

        List<SessionView> first = im.sessions.privateSessions(
                ListSessionsCommand.of(lynx, null, null, null, null, SessionPage.of(null, 2L)));
        List<SessionView> second = im.sessions.privateSessions(
                ListSessionsCommand.of(lynx, null, null, null, null, SessionPage.of(first.get(1).id(), 2L)));

        assertThat(first).extracting(SessionView::uuid).containsExactly(withPangolin.uuid(), aboutDoc.uuid());
        assertThat(second).extracting(SessionView::uuid).containsExactly(withOcelot.uuid());
        assertThat(second.get(0).users()).hasSize(2);
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, ocelot.id().value(), null, null, null,
                SessionPage.of(null, 1L)))).extracting(SessionView::uuid).containsExactly(aboutDoc.uuid());
        assertThat(im.sessions.groupSessions(ListGroupSessionsCommand.of(lynx, null, null, null, null,
                SessionPage.of(1L, 5L)))).isEmpty();
        assertProblem(() -> SessionPage.of(null, 0L), InvalidInput.class, "limit");
        assertProblem(() -> SessionPage.of(null, -3L), InvalidInput.class, "limit");
        assertProblem(() -> SessionPage.of(null, 1L + Integer.MAX_VALUE), InvalidInput.class, "limit");
        assertProblem(() -> SessionPage.of(0L, null), InvalidInput.class, "before_id");
        assertProblem(() -> SessionPage.of(-1L, 10L), InvalidInput.class, "before_id");
    }

    @Test
    void outside_the_book_only_those_sharing_a_session_show_their_presence() {
        im.presence.set(ocelot.id(), ImStatus.ONLINE);
        im.presence.set(pangolin.id(), ImStatus.ONLINE);
        im.openPrivate(lynx, ocelot);

        assertThat(im.books.usersOutsideBook(lynx)).extracting(ContactView::id, ContactView::imStatus).containsExactly(
                tuple(ocelot.id(), ImStatus.ONLINE), tuple(pangolin.id(), ImStatus.OFFLINE));
    }

    @Test
    void the_address_book_is_the_callers_own_and_unknown_ids_change_nothing() {
        im.presence.set(ocelot.id(), ImStatus.ONLINE);

        assertThat(im.books.usersOutsideBook(lynx)).extracting(ContactView::id).containsExactly(ocelot.id(), pangolin.id());
        im.books.addUsers(ChangeBookCommand.of(lynx, List.of(ocelot.id().value())));
        im.books.addUsers(ChangeBookCommand.of(lynx, List.of(ocelot.id().value())));

        assertThat(im.books.usersInBook(lynx)).containsExactly(new ContactView(ocelot.id(), "Oneiric Ocelot", ImStatus.ONLINE));
        assertThat(im.books.usersOutsideBook(lynx)).extracting(ContactView::id).containsExactly(pangolin.id());
        assertThat(im.books.usersInBook(ocelot)).isEmpty();

        assertThatThrownBy(() -> im.books.addUsers(ChangeBookCommand.of(lynx, List.of(pangolin.id().value(), 998L, 999L))))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("user_ids");
                    assertThat(p.getMessage()).contains("998", "999");
                });
        assertProblem(() -> im.books.addUsers(ChangeBookCommand.of(lynx, List.of(lynx.id().value()))),
                InvalidInput.class, "user_ids");
        assertProblem(() -> im.books.removeUsers(ChangeBookCommand.of(lynx, List.of(ocelot.id().value(), 999L))),
                NotFound.class, "user_ids");
        assertProblem(() -> ChangeBookCommand.of(lynx, null), InvalidInput.class, "user_ids");
        assertThat(ports().addressBooks().contactsOf(lynx.id())).containsExactly(ocelot.id());

        im.books.removeUsers(ChangeBookCommand.of(lynx, List.of(ocelot.id().value())));
        assertThat(im.books.usersInBook(lynx)).isEmpty();
    }

    @Test
    void a_partner_is_added_only_to_the_callers_own_book() {
        im.books.addPartner(AddPartnerCommand.of(lynx, lynx.partner().id().value(), pangolin.partner().id().value()));
        assertThat(im.books.usersInBook(lynx)).extracting(ContactView::id).containsExactly(pangolin.id());

        assertProblem(() -> im.books.addPartner(AddPartnerCommand.of(lynx, ocelot.partner().id().value(),
                pangolin.partner().id().value())), InvalidInput.class, "parent_partner_id");
        assertProblem(() -> im.books.addPartner(AddPartnerCommand.of(lynx, lynx.partner().id().value(), 999L)),
                NotFound.class, "child_partner_id");
        assertProblem(() -> AddPartnerCommand.of(lynx, null, 1L), InvalidInput.class, "parent_partner_id");
        assertThat(im.books.usersInBook(ocelot)).isEmpty();
    }

    @Test
    void init_lists_matching_contacts_with_the_newest_message_between_the_two() {
        User quetzal = newUser("quetzal", "Quantal Quetzal");
        im.books.addUsers(ChangeBookCommand.of(lynx, List.of(ocelot.id().value(), pangolin.id().value(), quetzal.id().value())));
        SessionView withOcelot = im.openPrivate(lynx, ocelot);
        im.post(lynx, withOcelot, "111");
        im.post(ocelot, withOcelot, "222");
        im.presence.set(ocelot.id(), ImStatus.AWAY);

        List<ContactCard> all = im.books.init(InitCommand.of(lynx, "", null));
        List<ContactCard> named = im.books.init(InitCommand.of(lynx, "PANGO", null));
        List<ContactCard> limited = im.books.init(InitCommand.of(lynx, "", 2L));

        assertThat(all).extracting(ContactCard::id).containsExactly(ocelot.id(), pangolin.id(), quetzal.id());
        assertThat(all.get(0).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("222"));
        assertThat(all.get(0).imStatus()).isEqualTo(ImStatus.AWAY);
        assertThat(all.get(0).email()).isEqualTo("ocelot@example.org");
        assertThat(all.get(0).partner()).isEqualTo(ocelot.partner());
        assertThat(all.get(1).lastMessage()).isEmpty();
        assertThat(named).extracting(ContactCard::id).containsExactly(pangolin.id());
        assertThat(limited).hasSize(2);
        assertProblem(() -> InitCommand.of(lynx, null, null), InvalidInput.class, "name");
        assertProblem(() -> InitCommand.of(lynx, "", -1L), InvalidInput.class, "limit");
        assertThat(Set.copyOf(im.books.init(InitCommand.of(ocelot, "", null)))).isEmpty();
    }

    @Test
    void a_non_member_post_is_refused_on_every_store_and_changes_nobodys_view() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView secret = im.post(lynx, session, "secret");

        assertThatThrownBy(() -> im.post(pangolin, session, "let me in"))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.field()).isEqualTo("uuid");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });

        assertThat(ports().imMessages().history(session.id(), OptionalLong.empty(), 10))
                .extracting(m -> m.id()).containsExactly(secret.id());
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, null)).get(0).isRead()).isTrue();
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(ocelot, null, null, null, null)).get(0).isRead()).isFalse();
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(pangolin, null, null, null, null))).isEmpty();
    }

    @Test
    void nobody_opens_a_session_with_themselves_and_nothing_is_stored() {
        assertProblem(() -> im.sessions.openPrivate(OpenSessionCommand.of(lynx, lynx.id().value(), null, null)),
                InvalidInput.class, "user_to");
        assertProblem(() -> im.sessions.openPrivate(OpenSessionCommand.of(lynx, lynx.id().value(), "25", "res.partner")),
                InvalidInput.class, "user_to");

        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(lynx, null, null, null, null))).isEmpty();
    }

    @Test
    void a_change_that_changes_nothing_answers_the_session_as_it_is() {
        SessionView session = im.openPrivate(lynx, ocelot);
        String uuid = session.uuid().toString();
        im.post(ocelot, session, "hi");

        SessionView same = im.sessions.changeState(ChangeStateCommand.of(lynx, uuid, "open"));
        SessionView sameStatus = im.sessions.changeStatus(ChangeStatusCommand.of(lynx, uuid, "active"));

        assertThat(same.state()).isEqualTo(SessionState.OPEN);
        assertThat(same.isRead()).as("the post's unread is kept").isFalse();
        assertThat(sameStatus.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(sameStatus.users().get(1).lastMessage()).hasValueSatisfying(m -> assertThat(m.message()).isEqualTo("hi"));
    }

    private SessionView invite(User caller, SessionView session, User newcomer) {
        return im.invitations.invite(InviteCommand.of(caller, session.uuid().toString(), newcomer.id().value()));
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
        assertThat(im.history.history(HistoryCommand.of(pangolin, pairs.uuid().toString(), null, null)))
                .extracting(MessageView::message).containsExactly("Precise Pangolin joined the conversation.");
        assertThat(im.sessions.privateSessions(ListSessionsCommand.of(pangolin, null, null, null, null)))
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
        SessionView group = im.sessions.openGroup(OpenGroupSessionCommand.of(lynx, news.id().value(), null, null));

        SessionView joined = invite(lynx, group, ocelot);
        assertThat(joined.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id());
        assertThat(im.sessions.openGroup(OpenGroupSessionCommand.of(lynx, news.id().value(), null, null)).uuid())
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

        assertProblem(() -> invite(pangolin, pairs, pangolin), NotFound.class, "uuid");
        assertProblem(() -> im.invitations.invite(InviteCommand.of(lynx, UUID.randomUUID().toString(), pangolin.id().value())),
                NotFound.class, "uuid");
        assertProblem(() -> im.invitations.invite(InviteCommand.of(lynx, pairs.uuid().toString(), 999L)),
                NotFound.class, "user_id");
        assertProblem(() -> InviteCommand.of(lynx, "not-a-uuid", pangolin.id().value()), InvalidInput.class, "uuid");
        assertProblem(() -> InviteCommand.of(lynx, null, pangolin.id().value()), InvalidInput.class, "uuid");
        assertProblem(() -> InviteCommand.of(lynx, pairs.uuid().toString(), null), InvalidInput.class, "user_id");
        assertProblem(() -> InviteCommand.of(lynx, pairs.uuid().toString(), 0L), InvalidInput.class, "user_id");

        assertThat(im.bus.published()).isEmpty();
        assertThat(im.openPrivate(lynx, ocelot).uuid()).isEqualTo(pairs.uuid());
        assertThat(im.history.history(HistoryCommand.of(lynx, pairs.uuid().toString(), null, null))).isEmpty();
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

        assertThat(im.history.history(HistoryCommand.of(pangolin, pairs.uuid().toString(), null, null)))
                .extracting(MessageView::type).as("one meta message: one invitation took").containsExactly("meta");
        assertThat(im.bus.ofKind(MessagePosted.class)).hasSize(3);
        assertThat(im.openPrivate(lynx, ocelot).uuid()).isNotEqualTo(pairs.uuid());
    }
}
