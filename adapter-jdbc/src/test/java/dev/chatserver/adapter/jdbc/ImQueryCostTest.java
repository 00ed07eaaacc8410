package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.im.SessionPage;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReactCommand;
import dev.chatserver.application.port.in.view.ReactionCount;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What listing, history and a batch of posts cost in SQL: a fixed number of statements, and an index walk for
 * history.
 */
class ImQueryCostTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final JdbcStorage storage = H2TestDatabases.newStorage();
    private final ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        im.close();
        storage.close();
    }

    private User register(String login) {
        return storage.ports().accounts().register(new NewUser(new Login(login), login, ""), "h");
    }

    /** A user with {@code count} private sessions, each with a message from both sides. */
    private User userWithSessions(String login, int count) {
        User owner = register(login);
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User other = register(login + "-contact-" + i);
            contacts.add(other.id().value());
            ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                    SessionKey.privateBetween(owner.id(), other.id(), Optional.empty()), UUID.randomUUID(), NOW,
                    Optional.empty(), Optional.empty(), Set.of(owner.id(), other.id())));
            post(session, owner, "hello " + i);
            post(session, other, "hi " + i);
        }
        im.addressBook.addUsers(new ChangeBookCommand(owner, contacts.stream().map(UserId::of).toList()));
        return owner;
    }

    /** A post as the writer stores it: the lane's decide, store and notify, in a unit of work of its own. */
    private void post(ImSession session, User from, String text) {
        postAll(List.of(postTo(from, session, text)));
    }

    /** Posts stored as the writer stores a batch of them, up to its default batch size per unit of work. */
    private void postAll(List<PostMessageCommand> posts) {
        for (int from = 0; from < posts.size(); from += 512) {
            List<PostMessageCommand> batch = posts.subList(from, Math.min(posts.size(), from + 512));
            storage.ports().transactions().inTransaction(() -> im.posting.write(batch))
                    .forEach(answer -> assertThat(answer.problem()).isNull());
        }
    }

    private <T> int statementsFor(Supplier<T> work) {
        return Statements.counted(storage, work::get);
    }

    @Test
    void listing_sessions_costs_the_same_statements_for_500_sessions_as_for_5() {
        User few = userWithSessions("few", 5);
        User many = userWithSessions("many", 500);
        int askedBefore = im.presence.calls();

        int forFew = statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(few)));
        int forMany = statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(many)));
        List<SessionView> listed = im.listSessions.privateSessions(ListSessionsCommand.all(many));

        assertThat(listed).hasSize(500);
        assertThat(listed).allSatisfy(s -> assertThat(s.users()).allSatisfy(u -> assertThat(u.lastMessage()).isPresent()));
        assertThat(forMany).isEqualTo(forFew);
        assertThat(forFew).isLessThanOrEqualTo(5);
        assertThat(im.presence.calls() - askedBefore).as("presence asked once per listing").isEqualTo(3);
    }

    @Test
    void unread_counts_of_a_listing_are_one_statement_however_many_sessions() {
        User few = userWithSessions("few", 5);
        User many = userWithSessions("many", 500);
        ImMessages messages = storage.ports().imMessages();
        List<ImSession> fewSessions = storage.ports().imSessions().sessionsOf(few.id(), SessionQuery.privateSessions());
        List<ImSession> manySessions = storage.ports().imSessions().sessionsOf(many.id(), SessionQuery.privateSessions());

        int forFew = statementsFor(() -> messages.countUnread(fewSessions.stream().map(s -> s.unreadOf(few.id())).toList()));
        int forMany = statementsFor(() -> messages.countUnread(manySessions.stream().map(s -> s.unreadOf(many.id())).toList()));
        List<SessionView> listed = im.listSessions.privateSessions(ListSessionsCommand.all(many));

        assertThat(forFew).isEqualTo(1);
        assertThat(forMany).isEqualTo(1);
        assertThat(listed).hasSize(500).allSatisfy(s -> assertThat(s.unreadCount()).hasValue(1));
    }

    @Test
    void mark_read_costs_the_same_statements_whatever_is_unread() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        List<PostMessageCommand> posts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            posts.add(postTo(lynx, session, "m" + i));
        }
        postAll(posts);
        List<Long> ids = storage.ports().imMessages().history(session.id(), OptionalLong.empty(), 300)
                .stream().map(m -> m.id()).sorted().toList();

        int early = statementsFor(() -> im.reads.markRead(new MarkReadCommand(ocelot, session.uuid(), ids.get(10))));
        int late = statementsFor(() -> im.reads.markRead(new MarkReadCommand(ocelot, session.uuid(), ids.get(299))));

        assertThat(early).as("289 still unread: session, member locked, message, count, update").isEqualTo(5);
        assertThat(late).as("none left, the session turns read: the same, then the last messages its notification"
                + " shows and whether it is a group conversation (the users are known to this node since their posts)")
                .isEqualTo(7);
    }

    @Test
    void a_page_of_sessions_costs_the_same_statements_however_many_sessions_the_user_has() {
        User few = userWithSessions("few", 5);
        User many = userWithSessions("many", 500);
        SessionPage firstFifty = new SessionPage(OptionalLong.empty(), OptionalInt.of(50));

        int forFew = statementsFor(() -> im.listSessions.privateSessions(new ListSessionsCommand(few, Optional.empty(), Optional.empty(), Optional.empty(), firstFifty)));
        int forMany = statementsFor(() -> im.listSessions.privateSessions(new ListSessionsCommand(many, Optional.empty(), Optional.empty(), Optional.empty(), firstFifty)));
        List<SessionView> first = im.listSessions.privateSessions(new ListSessionsCommand(many, Optional.empty(), Optional.empty(), Optional.empty(), firstFifty));
        SessionPage next = new SessionPage(OptionalLong.of(first.get(49).id()), OptionalInt.of(50));
        int forNext = statementsFor(() -> im.listSessions.privateSessions(new ListSessionsCommand(many, Optional.empty(), Optional.empty(), Optional.empty(), next)));
        List<SessionView> second = im.listSessions.privateSessions(new ListSessionsCommand(many, Optional.empty(), Optional.empty(), Optional.empty(), next));

        assertThat(first).hasSize(50);
        assertThat(second).hasSize(50).allSatisfy(s -> assertThat(s.id()).isLessThan(first.get(49).id()));
        assertThat(second).allSatisfy(s -> assertThat(s.users()).hasSize(2)
                .allSatisfy(u -> assertThat(u.lastMessage()).isPresent()));
        assertThat(forMany).isEqualTo(forFew);
        assertThat(forMany).as("the page with its members, the users, the last messages, the unread counts")
                .isLessThanOrEqualTo(4);
        assertThat(forNext).as("the same, but for the users this node knows already").isLessThanOrEqualTo(forMany);
    }

    @Test
    void a_page_of_sessions_reads_the_members_index_from_before_id_and_stops_at_the_limit() {
        userWithSessions("other", 300);
        User many = userWithSessions("many", 500);
        long before = im.listSessions.privateSessions(ListSessionsCommand.all(many)).get(200).id();
        SessionQuery page = SessionQuery.privateSessions().page(OptionalLong.of(before), OptionalInt.of(50));

        String plan = storage.jdbi().withHandle(h -> {
            Query explain = h.createQuery("explain analyze " + JdbcImStore.sessionsOfSql(page));
            JdbcImStore.bindPage(explain, many.id(), page);
            return explain.mapTo(String.class).one();
        });

        String walk = plan.substring(plan.indexOf("im_session_members_by_user"));
        long scanned = Long.parseLong(walk.replaceAll("(?s)^.*?scanCount: (\\d+).*", "$1"));
        assertThat(scanned).as("membership rows read for a page of 50 of 500 sessions: " + plan).isLessThanOrEqualTo(51);
    }

    @Test
    void a_history_page_reads_its_senders_once_per_node() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        for (int i = 0; i < 60; i++) {
            post(session, i % 2 == 0 ? lynx : ocelot, "m" + i);
        }
        HistoryCommand page = new HistoryCommand(lynx, session.uuid(), OptionalLong.empty(), OptionalInt.of(50));

        im.history.history(page); // reads the senders, and marks the session read for lynx
        int again = statementsFor(() -> im.history.history(page));
        List<MessageView> read = im.history.history(page);

        assertThat(again).as("the session, the page and its reactions: read already, and the senders are known")
                .isEqualTo(3);
        assertThat(read).hasSize(50).extracting(MessageView::fromName).containsOnly("lynx", "ocelot");
    }

    @Test
    void a_history_page_reads_the_reactions_of_all_its_messages_in_one_statement() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        for (int i = 0; i < 50; i++) {
            post(session, lynx, "m" + i);
        }
        HistoryCommand page = new HistoryCommand(lynx, session.uuid(), OptionalLong.empty(), OptionalInt.of(50));
        im.history.history(page);
        int without = statementsFor(() -> im.history.history(page));
        for (MessageView message : im.history.history(page)) {
            for (String emoji : List.of("a", "b", "c")) {
                im.reactToMessage.react(new ReactCommand(ocelot, message.id(), new Emoji(emoji)));
            }
            im.reactToMessage.react(new ReactCommand(lynx, message.id(), new Emoji("b")));
        }

        int with = statementsFor(() -> im.history.history(page));
        List<MessageView> read = im.history.history(page);

        assertThat(with).isEqualTo(without);
        assertThat(read).hasSize(50).allSatisfy(m -> assertThat(m.reactions()).containsExactly(
                new ReactionCount("a", 1, false), new ReactionCount("b", 2, true), new ReactionCount("c", 1, false)));
    }

    @Test
    void a_history_page_reads_the_messages_its_replies_quote_in_one_statement() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        for (int i = 0; i < 100; i++) {
            post(session, lynx, "m" + i);
        }
        HistoryCommand page = new HistoryCommand(lynx, session.uuid(), OptionalLong.empty(), OptionalInt.of(50));
        im.history.history(page);
        int without = statementsFor(() -> im.history.history(page));
        List<Long> older = storage.ports().imMessages().history(session.id(), OptionalLong.empty(), 100).stream()
                .map(ImMessage::id).sorted().limit(50).toList();
        postAll(older.stream().map(id -> new PostMessageCommand(ocelot, session.uuid(),
                new PostDraft(ocelot.id(), MessageType.MESSAGE, "re " + id, List.of(), Optional.of(id)), null)).toList());
        im.history.history(page);

        int with = statementsFor(() -> im.history.history(page));
        List<MessageView> read = im.history.history(page);

        assertThat(with).as("the page's fifty quotes in one statement more").isEqualTo(without + 1);
        assertThat(read).hasSize(50).allSatisfy(m -> assertThat(m.replyTo()).hasValueSatisfying(
                quoted -> assertThat(m.message()).isEqualTo("re " + quoted.id())));
    }

    @Test
    void a_batch_of_replies_reads_the_messages_it_answers_in_one_statement() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        for (int i = 0; i < 40; i++) {
            post(session, lynx, "m" + i);
        }
        List<Long> ids = storage.ports().imMessages().history(session.id(), OptionalLong.empty(), 40).stream()
                .map(ImMessage::id).toList();
        List<PostMessageCommand> plain = new ArrayList<>();
        List<PostMessageCommand> replies = new ArrayList<>();
        for (long id : ids) {
            plain.add(postTo(ocelot, session, "plain"));
            replies.add(new PostMessageCommand(ocelot, session.uuid(),
                    new PostDraft(ocelot.id(), MessageType.MESSAGE, "re", List.of(), Optional.of(id)), null));
        }

        postAll(List.of(postTo(ocelot, session, "lynx turns unread before what is counted")));
        int forPlain = statementsFor(() -> {
            postAll(plain);
            return null;
        });
        int forReplies = statementsFor(() -> {
            postAll(replies);
            return null;
        });

        assertThat(forReplies).as("the forty messages answered read in one statement, what they answer kept in"
                + " one more").isEqualTo(forPlain + 2);
    }

    @Test
    void listing_sessions_with_mention_counts_costs_the_same_statements_for_500_sessions_as_for_5() {
        User few = userWithSessions("few", 5);
        User many = userWithSessions("many", 500);
        int forFew = statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(few)));
        int forMany = statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(many)));
        List<ImSession> manySessions = storage.ports().imSessions().sessionsOf(many.id(), SessionQuery.privateSessions());
        for (ImSession session : manySessions) {
            User other = storage.ports().users().users(session.memberIds()).stream()
                    .filter(u -> !u.id().equals(many.id())).findFirst().orElseThrow();
            post(session, other, "@many look, and again @many");
        }

        int mentioned = statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(many)));
        List<SessionView> listed = im.listSessions.privateSessions(ListSessionsCommand.all(many));

        assertThat(forMany).isEqualTo(forFew);
        assertThat(mentioned).as("the counts of unread messages and mentions in one statement, the viewer's mutes"
                + " in one more since something mentions them").isEqualTo(forMany + 1);
        assertThat(listed).hasSize(500).allSatisfy(s -> {
            assertThat(s.mentionCount()).hasValue(1);
            assertThat(s.unreadCount()).hasValue(2);
        });

        ImSession quiet = manySessions.get(7);
        storage.ports().mailPreferences().mute(new dev.chatserver.domain.notify.SessionMute(many.id(), quiet.id(),
                java.time.Instant.now().plus(java.time.Duration.ofHours(1))));
        assertThat(statementsFor(() -> im.listSessions.privateSessions(ListSessionsCommand.all(many))))
                .isEqualTo(forMany + 1);
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(many))).allSatisfy(s -> {
            assertThat(s.mentionCount()).as("a muted session counts no mention").hasValue(s.id() == quiet.id() ? 0 : 1);
            assertThat(s.unreadCount()).hasValue(2);
        });
    }

    @Test
    void a_batch_of_mentions_reads_the_logins_it_calls_in_one_statement_and_keeps_them_in_one_more() {
        User lynx = register("lynx");
        List<User> others = new ArrayList<>();
        List<ImSession> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            User other = register("other-" + i);
            others.add(other);
            sessions.add(storage.ports().imSessions().findOrCreate(new NewSession(
                    SessionKey.privateBetween(lynx.id(), other.id(), Optional.empty()), UUID.randomUUID(), NOW,
                    Optional.empty(), Optional.empty(), Set.of(lynx.id(), other.id()))));
        }
        List<PostMessageCommand> plain = new ArrayList<>();
        List<PostMessageCommand> mentioning = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            plain.add(postTo(lynx, sessions.get(i % 20), "m" + i));
            mentioning.add(postTo(lynx, sessions.get(i % 20), "@" + others.get(i % 20).login().value() + " and @nobody"));
        }
        postAll(plain);

        int forPlain = statementsFor(() -> storage.ports().transactions().inTransaction(() -> im.posting.write(plain)));
        int forMentions = statementsFor(() -> storage.ports().transactions()
                .inTransaction(() -> im.posting.write(mentioning)));

        assertThat(forMentions).as("the users of the logins called, then the mentions inserted").isEqualTo(forPlain + 2);
        assertThat(storage.ports().imMessages().history(sessions.get(3).id(), java.util.OptionalLong.empty(), 1))
                .singleElement().satisfies(m -> assertThat(m.mentions()).containsExactly(others.get(3).id()));
    }

    @Test
    void a_post_costs_the_same_statements_however_many_members_it_unreads() {
        User poster = register("poster");
        List<User> readers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            readers.add(register("reader-" + i));
        }
        ImSession many = groupOf(poster, readers);
        ImSession one = groupOf(poster, readers.subList(0, 1));
        post(many, poster, "hello all");
        post(one, poster, "hello one");
        readers.forEach(reader -> readAll(reader, many));
        readAll(readers.get(0), one);

        int unreadingForty = statementsFor(() -> {
            post(many, poster, "to all");
            return null;
        });
        int unreadingOne = statementsFor(() -> {
            post(one, poster, "to one");
            return null;
        });
        int unreadingNone = statementsFor(() -> {
            post(many, poster, "again");
            return null;
        });

        assertThat(unreadingForty).as("lock the members, insert, its words for H2's search index, update the changed"
                + " members in one batch; then the users, group and last messages their notifications show").isEqualTo(7);
        assertThat(unreadingOne).isEqualTo(unreadingForty);
        assertThat(unreadingNone).as("nobody left to unread, nobody to tell how the session looks").isEqualTo(4);
        assertThat(storage.ports().imSessions().byUuid(many.uuid()).orElseThrow().members())
                .filteredOn(m -> !m.user().equals(poster.id()))
                .hasSize(40).allSatisfy(m -> assertThat(m.read()).isFalse());
    }

    private ImSession groupOf(User poster, List<User> readers) {
        List<UserId> members = new ArrayList<>(List.of(poster.id()));
        readers.forEach(reader -> members.add(reader.id()));
        var group = storage.ports().accounts().createGroup("Readers " + readers.size());
        return storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.ofGroup(group.id(), Optional.empty()), UUID.randomUUID(), NOW, Optional.of(group.id()),
                Optional.empty(), Set.copyOf(members)));
    }

    private void readAll(User reader, ImSession session) {
        im.history.history(HistoryCommand.newest(reader, session.uuid()));
    }

    @Test
    void a_batch_of_posts_costs_ten_statements_however_many_posts_and_sessions_it_holds() {
        User lynx = register("lynx");
        List<ImSession> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            User other = register("other-" + i);
            sessions.add(storage.ports().imSessions().findOrCreate(new NewSession(
                    SessionKey.privateBetween(lynx.id(), other.id(), Optional.empty()), UUID.randomUUID(), NOW,
                    Optional.empty(), Optional.empty(), Set.of(lynx.id(), other.id()))));
        }
        List<PostMessageCommand> few = List.of(postTo(lynx, sessions.get(0), "one"), postTo(lynx, sessions.get(1), "two"));
        List<PostMessageCommand> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(postTo(lynx, sessions.get(i % sessions.size()), "m" + i));
        }

        int forFew = statementsFor(() -> storage.ports().transactions().inTransaction(() -> im.posting.write(few)));
        int forMany = statementsFor(() -> storage.ports().transactions().inTransaction(() -> im.posting.write(many)));

        assertThat(forFew).as("sessions, members locked, which are group conversations (their posting), the blocks"
                + " between the pairs, messages inserted, their words (H2's search index) inserted, memberships"
                + " updated; then the users, last messages and conversations the notifications show").isEqualTo(10);
        assertThat(forMany).isEqualTo(forFew);
        assertThat(statementsFor(() -> storage.ports().transactions().inTransaction(() -> im.posting.write(few))))
                .as("sessions seen before are not read again, and whoever it would unread is unread already:"
                        + " lock, conversations, blocks, insert, words, update").isEqualTo(6);
        assertThat(storage.ports().imMessages().history(sessions.get(0).id(), java.util.OptionalLong.empty(), 10))
                .extracting(m -> m.content()).containsExactly("one", "m80", "m60", "m40", "m20", "m0", "one");
    }

    private static PostMessageCommand postTo(User caller, ImSession session, String text) {
        return new PostMessageCommand(caller, session.uuid(), new MessageType("message"), text);
    }

    @Test
    void contact_lists_cost_the_same_statements_for_500_contacts_as_for_5() {
        User few = userWithSessions("few", 5);
        User many = userWithSessions("many", 500);

        assertThat(statementsFor(() -> im.initChat.init(InitCommand.named(many, ""))))
                .isEqualTo(statementsFor(() -> im.initChat.init(InitCommand.named(few, ""))));
        assertThat(statementsFor(() -> im.addressBook.usersInBook(many)))
                .isEqualTo(statementsFor(() -> im.addressBook.usersInBook(few)));
        assertThat(statementsFor(() -> im.addressBook.usersOutsideBook(many)))
                .isEqualTo(statementsFor(() -> im.addressBook.usersOutsideBook(few)));
        assertThat(im.initChat.init(InitCommand.named(many, ""))).hasSize(500)
                .allSatisfy(card -> assertThat(card.lastMessage()).isPresent());
    }

    @Test
    void a_history_page_reads_the_index_in_order_however_long_the_session() {
        User lynx = register("lynx");
        User ocelot = register("ocelot");
        ImSession session = storage.ports().imSessions().findOrCreate(new NewSession(
                SessionKey.privateBetween(lynx.id(), ocelot.id(), Optional.empty()), UUID.randomUUID(), NOW,
                Optional.empty(), Optional.empty(), Set.of(lynx.id(), ocelot.id())));
        List<PostMessageCommand> posts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            posts.add(postTo(i % 2 == 0 ? lynx : ocelot, session, "m" + i));
        }
        postAll(posts);

        String plan = storage.jdbi().withHandle(h -> h.createQuery("explain analyze select id from im_messages"
                        + " where session_id = :s and id < :before order by session_id desc, id desc limit 20")
                .bind("s", session.id()).bind("before", Long.MAX_VALUE).mapTo(String.class).one());

        assertThat(plan.toLowerCase()).contains("im_messages_by_session").contains("index sorted");
        long scanned = Long.parseLong(plan.replaceAll("(?s).*scanCount: (\\d+).*", "$1"));
        assertThat(scanned).as("rows read for a page of 20 out of 5000: " + plan).isLessThanOrEqualTo(21);
    }
}
