package dev.chatserver.application.contract;

import dev.chatserver.application.im.FixedPresence;
import dev.chatserver.application.im.ImNotifier;
import dev.chatserver.application.im.PostRecorder;
import dev.chatserver.application.im.SessionViews;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionOfMember;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.PostedMessage;
import dev.chatserver.domain.im.SessionPosts;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public abstract class ImStoreContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final MessageType TEXT = new MessageType("message");

    private UserId lynx;
    private UserId ocelot;
    private UserId pangolin;

    @BeforeEach
    void registerUsers() {
        lynx = register("lynx", "Lucid Lynx");
        ocelot = register("ocelot", "Oneiric Ocelot");
        pangolin = register("pangolin", "Precise Pangolin");
    }

    private UserId register(String login, String name) {
        return ports().accounts().register(new NewUser(new Login(login), name, ""), "h").id();
    }

    private ImSessions sessions() {
        return ports().imSessions();
    }

    private ImMessages messages() {
        return ports().imMessages();
    }

    private NewSession pair(UserId a, UserId b, Optional<DocumentRef> doc) {
        return new NewSession(SessionKey.privateBetween(a, b, doc), UUID.randomUUID(), NOW, Optional.empty(), doc,
                Set.of(a, b));
    }

    private ImSession open(NewSession session) {
        return ports().transactions().inTransaction(() -> sessions().findOrCreate(session));
    }

    /** A post as the server makes it: decided by the session on its members read under lock, then recorded. */
    private PostedMessage post(ImSession session, UserId from, String text) {
        return post(session, PostDraft.plain(from, TEXT, text));
    }

    private PostedMessage post(ImSession session, PostDraft draft) {
        UserDirectory directory = ports().users();
        SessionViews views = new SessionViews(directory, messages(), new FixedPresence(), ports().groupConversations(),
                ports().mailPreferences(), java.time.Clock.systemUTC());
        PostRecorder recorder = new PostRecorder(sessions(), messages(), new ImNotifier(new RecordingBus(), views), views,
                ports().attachments());
        return ports().transactions().inTransaction(() -> {
            List<ImMessage> replied = messages().byIds(draft.replyToId().stream().toList());
            SessionPosts decided = sessions().lockMembers(session).postAll(List.of(draft), replied, NOW);
            decided.refusalOf(0).ifPresent(refusal -> {
                throw refusal;
            });
            User poster = directory.user(draft.sender()).orElseThrow();
            return recorder.record(List.of(new PostRecorder.Accepted(decided, 0, poster, List.of(),
                    replied.stream().collect(Collectors.toMap(ImMessage::id, Function.identity())))))
                    .get(0).posted();
        });
    }

    /** A member's own change as the services make it: decided on their membership read under lock, then kept. */
    private boolean change(ImSession session, UserId member, BiFunction<ImSession, UserId, Optional<Membership>> change) {
        return ports().transactions().inTransaction(() -> {
            Optional<Membership> changed = change.apply(sessions().lockMember(session, member), member);
            changed.ifPresent(m -> sessions().saveMemberships(session.id(), List.of(m)));
            return changed.isPresent();
        });
    }

    private boolean changeState(ImSession session, UserId member, SessionState state) {
        return change(session, member, (s, m) -> s.changeState(m, state));
    }

    private boolean changeStatus(ImSession session, UserId member, SessionStatus status) {
        return change(session, member, (s, m) -> s.changeStatus(m, status));
    }

    private boolean markRead(ImSession session, UserId member) {
        return change(session, member, ImSession::markRead);
    }

    @Test
    void batched_reads_locks_appends_and_saves_act_on_every_session_given_in_one_call() {
        ImSession lynxOcelot = open(pair(lynx, ocelot, Optional.empty()));
        ImSession ocelotPangolin = open(pair(ocelot, pangolin, Optional.empty()));

        assertThat(sessions().byUuids(List.of(ocelotPangolin.uuid(), UUID.randomUUID(), lynxOcelot.uuid())))
                .containsExactlyInAnyOrder(lynxOcelot, ocelotPangolin);
        assertThat(sessions().byUuids(List.of())).isEmpty();

        List<ImMessage> stored = ports().transactions().inTransaction(() -> {
            List<ImSession> locked = sessions().lockMembersOf(List.of(ocelotPangolin, lynxOcelot));
            assertThat(locked).extracting(ImSession::id)
                    .containsExactly(Math.min(lynxOcelot.id(), ocelotPangolin.id()),
                            Math.max(lynxOcelot.id(), ocelotPangolin.id()));
            assertThat(locked).allSatisfy(s -> assertThat(s.members()).hasSize(2));
            List<ImMessage> appended = messages().appendAll(List.of(
                    lynxOcelot.post(PostDraft.plain(lynx, TEXT, "one"), NOW).message(),
                    ocelotPangolin.post(PostDraft.plain(pangolin, TEXT, "two"), NOW).message(),
                    lynxOcelot.post(PostDraft.plain(ocelot, TEXT, "three"), NOW).message()));
            sessions().saveMembershipsOf(java.util.Map.of(
                    lynxOcelot.id(), List.of(lynxOcelot.membershipOf(ocelot).orElseThrow().seeMessageFromOther()
                            .orElseThrow()),
                    ocelotPangolin.id(), List.of(ocelotPangolin.membershipOf(pangolin).orElseThrow()
                            .sent(appended.get(1).id()))));
            return appended;
        });

        assertThat(stored).extracting(ImMessage::content).containsExactly("one", "two", "three");
        assertThat(stored).extracting(ImMessage::id).isSorted().doesNotHaveDuplicates();
        assertThat(messages().history(lynxOcelot.id(), OptionalLong.empty(), 10)).extracting(ImMessage::content)
                .containsExactly("three", "one");
        assertThat(messages().byIds(stored.stream().map(ImMessage::id).toList())).containsExactlyElementsOf(stored);
        assertThat(sessions().byUuid(lynxOcelot.uuid()).orElseThrow().membershipOf(ocelot).orElseThrow().read())
                .isFalse();
        assertThat(sessions().byUuid(ocelotPangolin.uuid()).orElseThrow().membershipOf(pangolin).orElseThrow()
                .lastMessageId()).hasValue(stored.get(1).id());
    }

    @Test
    void a_session_is_created_once_per_key_and_its_members_join_open_active_and_read() {
        NewSession first = pair(lynx, ocelot, Optional.empty());
        ImSession created = open(first);
        ImSession again = open(pair(ocelot, lynx, Optional.empty()));

        assertThat(created.uuid()).isEqualTo(first.uuid());
        assertThat(again).isEqualTo(created);
        assertThat(created.createDate()).isEqualTo(NOW);
        assertThat(created.isGroup()).isFalse();
        assertThat(created.document()).isEmpty();
        assertThat(created.members()).containsExactly(Membership.joining(lynx), Membership.joining(ocelot));
        assertThat(sessions().byUuid(first.uuid())).contains(created);
        assertThat(sessions().byUuid(UUID.randomUUID())).isEmpty();
    }

    @Test
    void each_document_has_its_own_session_with_its_own_link() {
        DocumentRef partner25 = new DocumentRef("res.partner", "25");
        ImSession plain = open(pair(lynx, ocelot, Optional.empty()));
        ImSession about25 = open(pair(lynx, ocelot, Optional.of(partner25)));
        ImSession about26 = open(pair(lynx, ocelot, Optional.of(new DocumentRef("res.partner", "26"))));

        assertThat(List.of(plain.id(), about25.id(), about26.id())).doesNotHaveDuplicates();
        assertThat(about25.document()).hasValueSatisfying(link -> {
            assertThat(link.document()).isEqualTo(partner25);
            assertThat(link.id()).isPositive();
        });
        assertThat(about25.document().orElseThrow().id()).isNotEqualTo(about26.document().orElseThrow().id());
        assertThat(open(pair(ocelot, lynx, Optional.of(partner25)))).isEqualTo(about25);
    }

    @Test
    void twenty_callers_racing_for_one_key_get_one_session() throws Exception {
        List<Callable<ImSession>> racers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            racers.add(() -> {
                start.await();
                return open(pair(lynx, ocelot, Optional.empty()));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<ImSession>> futures = new ArrayList<>();
            racers.forEach(r -> futures.add(pool.submit(r)));
            start.countDown();
            Set<UUID> uuids = new HashSet<>();
            for (Future<ImSession> future : futures) {
                uuids.add(future.get().uuid());
            }
            assertThat(uuids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessions().sessionsOf(lynx, SessionQuery.privateSessions())).hasSize(1);
        assertThat(sessions().sessionsOf(lynx, SessionQuery.privateSessions()).get(0).members()).hasSize(2);
    }

    @Test
    void a_post_becomes_the_senders_last_message_and_unreads_the_session_for_the_others() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        changeState(session, ocelot, SessionState.CLOSED);

        PostedMessage first = post(session, lynx, "222");
        PostedMessage second = post(session, lynx, "333");

        assertThat(second.message().id()).isGreaterThan(first.message().id());
        assertThat(first.message().content()).isEqualTo("222");
        assertThat(first.message().from()).isEqualTo(lynx);
        assertThat(first.message().createDate()).isEqualTo(NOW);
        assertThat(first.membersChanged()).containsExactly(ocelot);
        assertThat(second.membersChanged()).as("nothing left to change for ocelot").isEmpty();
        assertThat(second.session()).as("the session as the post left it").isEqualTo(sessions().byUuid(session.uuid()).orElseThrow());
        ImSession after = sessions().byUuid(session.uuid()).orElseThrow();
        Membership sender = after.membershipOf(lynx).orElseThrow();
        Membership other = after.membershipOf(ocelot).orElseThrow();
        assertThat(sender.lastMessageId()).isEqualTo(OptionalLong.of(second.message().id()));
        assertThat(sender.read()).isTrue();
        assertThat(sender.state()).isEqualTo(SessionState.OPEN);
        assertThat(other.read()).isFalse();
        assertThat(other.state()).as("a closed session comes back folded").isEqualTo(SessionState.FOLDED);
        assertThat(other.lastMessageId()).isEmpty();
    }

    /**
     * The draft is built whole (its canonical constructor, every component set to something not a default), so a
     * component added to drafts stops this compiling until it is set here, and a store that leaves it out then fails.
     */
    @Test
    void a_posted_message_reads_back_whole_as_its_poster_drafted_it() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        ImMessage asked = post(session, lynx, "who waters the plants?").message();
        PostDraft draft = new PostDraft(ocelot, new MessageType("task"), "water the plants", List.of(),
                Optional.of(asked.id()));

        ImMessage stored = post(session, draft).message();

        assertThat(stored).isEqualTo(ImMessage.unsaved(session.id(), draft, NOW).storedAs(stored.id()));
        assertThat(messages().byIds(List.of(stored.id()))).containsExactly(stored);
        assertThat(messages().history(session.id(), OptionalLong.empty(), 1)).containsExactly(stored);
    }

    @Test
    void a_member_changes_only_their_own_view() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));

        assertThat(changeState(session, lynx, SessionState.FOLDED)).isTrue();
        assertThat(changeState(session, lynx, SessionState.FOLDED)).isFalse();
        assertThat(changeStatus(session, lynx, SessionStatus.FAVORITE)).isTrue();
        assertThat(markRead(session, lynx)).as("already read").isFalse();
        post(session, ocelot, "hi");
        assertThat(markRead(session, lynx)).isTrue();

        ImSession after = sessions().byUuid(session.uuid()).orElseThrow();
        assertThat(after.membershipOf(lynx).orElseThrow())
                .extracting(Membership::state, Membership::status, Membership::read)
                .containsExactly(SessionState.FOLDED, SessionStatus.FAVORITE, true);
        assertThat(after.membershipOf(ocelot).orElseThrow())
                .extracting(Membership::state, Membership::status, Membership::read)
                .containsExactly(SessionState.OPEN, SessionStatus.ACTIVE, true);
    }

    @Test
    void history_pages_newest_first_below_an_id() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(post(session, i % 2 == 0 ? lynx : ocelot, "m" + i).message().id());
        }
        ImSession other = open(pair(lynx, pangolin, Optional.empty()));
        post(other, pangolin, "elsewhere");

        List<ImMessage> newest = messages().history(session.id(), OptionalLong.empty(), 2);
        List<ImMessage> older = messages().history(session.id(), OptionalLong.of(newest.get(1).id()), 10);

        assertThat(newest).extracting(ImMessage::content).containsExactly("m5", "m4");
        assertThat(older).extracting(ImMessage::content).containsExactly("m3", "m2", "m1");
        assertThat(older).extracting(ImMessage::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(messages().history(session.id(), OptionalLong.of(ids.get(0)), 10)).isEmpty();
        assertThat(messages().byIds(List.of(ids.get(3), ids.get(0), 999_999L)))
                .extracting(ImMessage::content).containsExactly("m1", "m4");
    }

    @Test
    void paging_back_while_others_post_neither_skips_nor_repeats_a_message() throws Exception {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        for (int i = 0; i < 30; i++) {
            post(session, lynx, "before " + i);
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService posters = Executors.newFixedThreadPool(3);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            UserId from = p % 2 == 0 ? lynx : ocelot;
            posted.add(posters.submit(() -> {
                int count = 0;
                while (reading.get() && count < 500) {
                    post(session, from, "during " + count++);
                }
                return count;
            }));
        }
        List<Long> seen = new ArrayList<>();
        try {
            List<ImMessage> page = messages().history(session.id(), OptionalLong.empty(), 7);
            while (!page.isEmpty()) {
                page.forEach(m -> seen.add(m.id()));
                page = messages().history(session.id(), OptionalLong.of(page.get(page.size() - 1).id()), 7);
            }
        } finally {
            reading.set(false);
            for (Future<Integer> future : posted) {
                future.get();
            }
            posters.shutdownNow();
        }
        long top = seen.get(0);
        List<Long> expected = messages().history(session.id(), OptionalLong.of(top + 1), 100_000).stream()
                .map(ImMessage::id).toList();
        assertThat(seen).as("every message up to the first one read, each once, newest first")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void listing_filters_a_members_sessions_and_answers_the_newest_first() {
        DocumentRef doc = new DocumentRef("res.partner", "25");
        ImSession withOcelot = open(pair(lynx, ocelot, Optional.empty()));
        ImSession withPangolin = open(pair(lynx, pangolin, Optional.empty()));
        ImSession aboutDoc = open(pair(lynx, ocelot, Optional.of(doc)));
        ImSession notMine = open(pair(ocelot, pangolin, Optional.empty()));
        Group news = ports().accounts().createGroup("News");
        ImSession group = open(new NewSession(SessionKey.ofGroup(news.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.of(news.id()), Optional.empty(), Set.of(lynx, ocelot, pangolin)));
        changeState(withPangolin, lynx, SessionState.CLOSED);

        assertThat(sessions().sessionsOf(lynx, SessionQuery.privateSessions())).extracting(ImSession::id)
                .containsExactly(aboutDoc.id(), withPangolin.id(), withOcelot.id());
        assertThat(sessions().sessionsOf(lynx, query(Optional.of(ocelot), Optional.empty(), Optional.empty())))
                .extracting(ImSession::id).containsExactly(aboutDoc.id(), withOcelot.id());
        assertThat(sessions().sessionsOf(lynx, query(Optional.empty(), Optional.of(doc), Optional.empty())))
                .extracting(ImSession::id).containsExactly(aboutDoc.id());
        assertThat(sessions().sessionsOf(lynx, query(Optional.empty(), Optional.empty(), Optional.of(SessionState.CLOSED))))
                .extracting(ImSession::id).containsExactly(withPangolin.id());
        assertThat(sessions().sessionsOf(ocelot, query(Optional.empty(), Optional.empty(), Optional.of(SessionState.CLOSED))))
                .as("the state filter is the asking member's own state").isEmpty();
        assertThat(sessions().sessionsOf(lynx, SessionQuery.groupSessions())).extracting(ImSession::id)
                .containsExactly(group.id());
        assertThat(sessions().sessionsOf(lynx, SessionQuery.groupSessions()).get(0).group()).contains(news.id());
        assertThat(sessions().sessionsOf(pangolin, SessionQuery.privateSessions())).extracting(ImSession::id)
                .containsExactly(notMine.id(), withPangolin.id());
        assertThat(sessions().byKeys(List.of(SessionKey.privateBetween(lynx, ocelot, Optional.empty()),
                SessionKey.privateBetween(lynx, pangolin, Optional.empty()),
                SessionKey.privateBetween(lynx, lynx, Optional.empty()))))
                .extracting(ImSession::id).as("newest first, like every listing").containsExactly(withPangolin.id(), withOcelot.id());
    }

    @Test
    void a_session_is_found_for_one_member_with_that_members_own_view_only() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        changeState(session, lynx, SessionState.FOLDED);

        SessionOfMember seen = sessions().ofMember(session.uuid(), lynx).orElseThrow();

        assertThat(seen.sessionId()).isEqualTo(session.id());
        assertThat(seen.uuid()).isEqualTo(session.uuid());
        assertThat(seen.membership().user()).isEqualTo(lynx);
        assertThat(seen.membership().state()).isEqualTo(SessionState.FOLDED);
        assertThat(sessions().ofMember(session.uuid(), ocelot).orElseThrow().membership().state())
                .isEqualTo(SessionState.OPEN);
        assertThat(sessions().ofMember(session.uuid(), pangolin)).as("not a member").isEmpty();
        assertThat(sessions().ofMember(UUID.randomUUID(), lynx)).as("no such session").isEmpty();
    }

    @Test
    void a_paged_listing_answers_each_session_once_newest_first_with_all_its_members() {
        Group news = ports().accounts().createGroup("News");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(0, open(pair(lynx, ocelot, Optional.of(new DocumentRef("doc", "" + i)))).id());
            open(pair(ocelot, pangolin, Optional.of(new DocumentRef("doc", "" + i))));
            open(new NewSession(SessionKey.ofGroup(news.id(), Optional.of(new DocumentRef("doc", "" + i))),
                    UUID.randomUUID(), NOW, Optional.of(news.id()), Optional.empty(), Set.of(lynx, ocelot)));
        }
        ImSession closed = sessions().byUuid(open(pair(lynx, pangolin, Optional.empty())).uuid()).orElseThrow();
        changeState(closed, lynx, SessionState.CLOSED);
        mine.add(0, closed.id());

        List<Long> paged = new ArrayList<>();
        OptionalLong before = OptionalLong.empty();
        List<ImSession> page;
        do {
            page = sessions().sessionsOf(lynx, SessionQuery.privateSessions().page(before, OptionalInt.of(3)));
            assertThat(page).hasSizeLessThanOrEqualTo(3).allSatisfy(s -> assertThat(s.members()).hasSize(2));
            page.forEach(s -> paged.add(s.id()));
            before = page.isEmpty() ? before : OptionalLong.of(page.get(page.size() - 1).id());
        } while (page.size() == 3);

        assertThat(paged).as("pages of 3 of 8 sessions: 3, 3, 2").containsExactlyElementsOf(mine);
        assertThat(sessions().sessionsOf(lynx, SessionQuery.privateSessions().page(OptionalLong.of(mine.get(2)),
                OptionalInt.empty()))).extracting(ImSession::id).as("before_id without a limit: every older one")
                .containsExactlyElementsOf(mine.subList(3, mine.size()));
        assertThat(sessions().sessionsOf(lynx, query(Optional.of(pangolin), Optional.empty(), Optional.empty())
                .page(OptionalLong.empty(), OptionalInt.of(1)))).extracting(ImSession::id).containsExactly(closed.id());
        assertThat(sessions().sessionsOf(lynx, query(Optional.empty(), Optional.empty(), Optional.of(SessionState.OPEN))
                .page(OptionalLong.empty(), OptionalInt.of(2)))).extracting(ImSession::id)
                .as("filters apply before the limit").containsExactlyElementsOf(mine.subList(1, 3));
        assertThat(sessions().sessionsOf(lynx, SessionQuery.groupSessions().page(OptionalLong.empty(), OptionalInt.of(2))))
                .hasSize(2).allSatisfy(s -> assertThat(s.group()).contains(news.id()));
        assertThat(sessions().sessionsOf(lynx, SessionQuery.privateSessions().page(OptionalLong.of(mine.get(mine.size() - 1)),
                OptionalInt.of(3)))).as("nothing older than the oldest").isEmpty();
    }

    private static SessionQuery query(Optional<UserId> with, Optional<DocumentRef> doc, Optional<SessionState> state) {
        return new SessionQuery(false, with, Optional.empty(), doc, state);
    }

    @Test
    void a_members_sessions_and_the_members_of_sessions_are_read_by_uuid_as_they_are_now() {
        ImSession lynxOcelot = open(pair(lynx, ocelot, Optional.empty()));
        ImSession ocelotPangolin = open(pair(ocelot, pangolin, Optional.empty()));
        Group news = ports().accounts().createGroup("News");
        ImSession group = open(new NewSession(SessionKey.ofGroup(news.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.of(news.id()), Optional.empty(), Set.of(lynx, pangolin)));

        assertThat(sessions().uuidsOf(lynx)).containsExactlyInAnyOrder(lynxOcelot.uuid(), group.uuid());
        assertThat(sessions().uuidsOf(ocelot)).containsExactlyInAnyOrder(lynxOcelot.uuid(), ocelotPangolin.uuid());
        UUID unknown = UUID.randomUUID();
        assertThat(sessions().membersByUuid(List.of(lynxOcelot.uuid(), group.uuid(), unknown)))
                .containsOnlyKeys(lynxOcelot.uuid(), group.uuid())
                .containsEntry(lynxOcelot.uuid(), Set.of(lynx, ocelot))
                .containsEntry(group.uuid(), Set.of(lynx, pangolin));
        assertThat(sessions().membersByUuid(List.of())).isEmpty();

        ports().transactions().inTransaction(() -> {
            sessions().addMembers(group.id(), List.of(Membership.joining(ocelot)));
            sessions().removeMember(group.id(), pangolin);
            return null;
        });

        assertThat(sessions().membersByUuid(List.of(group.uuid()))).containsEntry(group.uuid(), Set.of(lynx, ocelot));
        assertThat(sessions().uuidsOf(pangolin)).containsExactly(ocelotPangolin.uuid());
        assertThat(sessions().uuidsOf(ocelot)).contains(group.uuid());
    }

    @Test
    void members_are_added_once() {
        Group news = ports().accounts().createGroup("News");
        ImSession group = open(new NewSession(SessionKey.ofGroup(news.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.of(news.id()), Optional.empty(), Set.of(lynx)));

        List<Membership> newcomers = group.newcomers(List.of(lynx, ocelot, pangolin));
        assertThat(newcomers).containsExactly(Membership.joining(ocelot), Membership.joining(pangolin));
        assertThat(sessions().addMembers(group.id(), newcomers)).containsExactly(ocelot, pangolin);
        assertThat(sessions().addMembers(group.id(), newcomers)).as("a racing opener added them first").isEmpty();
        assertThat(sessions().byUuid(group.uuid()).orElseThrow().memberIds()).containsExactly(lynx, ocelot, pangolin);
    }

    @Test
    void a_rekeyed_session_is_found_by_its_new_key_only_and_its_pair_gets_a_new_session() {
        ImSession shared = open(pair(lynx, ocelot, Optional.empty()));
        SessionKey pairs = SessionKey.privateBetween(lynx, ocelot, Optional.empty());

        ports().transactions().inTransaction(() -> {
            sessions().addMembers(shared.id(), List.of(Membership.joining(pangolin)));
            sessions().rekey(shared.id(), SessionKey.adHoc(shared.uuid()));
            return null;
        });

        assertThat(sessions().byKeys(List.of(pairs))).isEmpty();
        assertThat(sessions().byKeys(List.of(SessionKey.adHoc(shared.uuid())))).extracting(ImSession::id)
                .containsExactly(shared.id());
        assertThat(sessions().byUuid(shared.uuid()).orElseThrow().memberIds()).containsExactly(lynx, ocelot, pangolin);
        ImSession fresh = open(pair(ocelot, lynx, Optional.empty()));
        assertThat(fresh.id()).isNotEqualTo(shared.id());
        assertThat(fresh.memberIds()).containsExactly(lynx, ocelot);
        assertThat(sessions().byKeys(List.of(pairs))).extracting(ImSession::id).containsExactly(fresh.id());
    }

    @Test
    void a_non_member_posting_is_refused_like_a_missing_session_and_stores_nothing() {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));

        assertThatThrownBy(() -> post(session, pangolin, "let me in"))
                .isInstanceOfSatisfying(NotFound.class, p -> {
                    assertThat(p.kind()).isEqualTo("session");
                    assertThat(p.field()).isEqualTo("session");
                    assertThat(p.getMessage()).isEqualTo("Session does not exist");
                });

        assertThat(messages().history(session.id(), OptionalLong.empty(), 10)).isEmpty();
        assertThat(sessions().byUuid(session.uuid()).orElseThrow().members())
                .containsExactly(Membership.joining(lynx), Membership.joining(ocelot));
        assertThat(post(session, lynx, "first").message().id()).isPositive();
    }

    @Test
    void a_change_decided_on_an_old_read_keeps_what_a_post_wrote_since() {
        ImSession seenBefore = open(pair(lynx, ocelot, Optional.empty()));
        PostedMessage fromLynx = post(seenBefore, lynx, "mine");
        post(seenBefore, ocelot, "yours");

        assertThat(changeState(seenBefore, lynx, SessionState.FOLDED)).isTrue();
        assertThat(changeStatus(seenBefore, lynx, SessionStatus.ARCHIVE)).isTrue();

        Membership after = sessions().byUuid(seenBefore.uuid()).orElseThrow().membershipOf(lynx).orElseThrow();
        assertThat(after).isEqualTo(new Membership(lynx, SessionState.FOLDED, SessionStatus.ARCHIVE, false,
                OptionalLong.of(fromLynx.message().id()), OptionalLong.of(fromLynx.message().id())));
        assertThat(markRead(seenBefore, lynx)).as("decided on the row as it is now: unread").isTrue();
    }

    @Test
    void posts_racing_with_members_changing_their_view_lose_no_write() throws Exception {
        ImSession session = open(pair(lynx, ocelot, Optional.empty()));
        int rounds = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (UserId member : List.of(lynx, ocelot)) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        post(session, member, "m" + i);
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        changeStatus(session, member, i % 2 == 0 ? SessionStatus.FAVORITE : SessionStatus.ARCHIVE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<ImMessage> all = messages().history(session.id(), OptionalLong.empty(), 1000);
        ImSession after = sessions().byUuid(session.uuid()).orElseThrow();
        assertThat(all).hasSize(2 * rounds);
        for (UserId member : List.of(lynx, ocelot)) {
            long newest = all.stream().filter(m -> m.from().equals(member)).mapToLong(ImMessage::id).max().orElseThrow();
            assertThat(after.membershipOf(member).orElseThrow().lastMessageId()).as("last message of " + member)
                    .isEqualTo(OptionalLong.of(newest));
            assertThat(after.membershipOf(member).orElseThrow().status()).isEqualTo(SessionStatus.ARCHIVE);
        }
        assertThat(after.members()).as("each has unread posts of the other, whatever status changes ran between")
                .noneMatch(Membership::read);
    }
}
