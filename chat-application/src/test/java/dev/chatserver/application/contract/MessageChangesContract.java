package dev.chatserver.application.contract;

import dev.chatserver.application.budget.BudgetSettings;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.EditWindow;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.im.ChangeMessageService;
import dev.chatserver.application.im.ReactToMessageService;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReactCommand;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.application.port.in.view.ReactionCount;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Edits, deletions and reactions on each storage: who may do them, what history and the store keep, what the
 * members are told, and what racing changes of one message end as.
 */
public abstract class MessageChangesContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T07:46:21Z");

    private final MutableClock clock = new MutableClock(NOW);
    private ImServices im;
    private ChangeMessageService changes;
    private User lynx;
    private User ocelot;
    private User pangolin;
    private SessionView session;

    @BeforeEach
    void setUp() {
        im = closeAfter(new ImServices(storage.ports(), new ImPolicy(ImPolicy.STANDARD_TYPES, 16, 20, 50), clock));
        changes = im.changeMessage;
        lynx = register("lynx");
        ocelot = register("ocelot");
        pangolin = register("pangolin");
        session = im.openSession.openPrivate(OpenSessionCommand.of(lynx, ocelot.id()));
    }

    private User register(String login) {
        return ports().accounts().register(new NewUser(new Login(login), login, login + "@example.org"), "h");
    }

    private long post(User caller, String text) {
        return im.messages.post(new PostMessageCommand(caller, session.uuid(), MessageType.MESSAGE, text)).id();
    }

    private List<MessageView> history(User reader) {
        return im.history.history(HistoryCommand.newest(reader, session.uuid()));
    }

    private MessageView seen(User reader, long id) {
        return history(reader).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private ImMessage stored(long id) {
        return ports().imMessages().byIds(List.of(id)).get(0);
    }

    private ReactionToggled react(User caller, long id, String emoji) {
        return im.reactToMessage.react(new ReactCommand(caller, id, new Emoji(emoji)));
    }

    @Test
    void the_author_edits_a_message_history_shows_it_edited_and_the_members_are_told() {
        long id = post(lynx, "helo");
        long other = post(ocelot, "hi");
        clock.advance(Duration.ofMinutes(5));
        im.bus.clear();

        ImMessage edited = changes.edit(new EditMessageCommand(lynx, id, "hello"));

        assertThat(edited.content()).isEqualTo("hello");
        assertThat(edited.editDate()).contains(NOW.plus(Duration.ofMinutes(5)));
        MessageView shown = seen(ocelot, id);
        assertThat(shown.message()).isEqualTo("hello");
        assertThat(shown.editDate()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(shown.createDate()).isEqualTo(NOW);
        assertThat(shown.deleted()).isFalse();
        assertThat(seen(ocelot, other).editDate()).isEmpty();
        assertThat(told(Channel.ofUser(ocelot.id()), MessageEdited.class)).containsExactly(
                new MessageEdited(session.uuid(), id, "hello", NOW.plus(Duration.ofMinutes(5)), List.of()));
        assertThat(told(Channel.ofUser(lynx.id()), MessageEdited.class)).hasSize(1);
    }

    @Test
    void the_author_deletes_a_message_the_store_keeps_a_tombstone_without_content_or_reactions() {
        long id = post(lynx, "oops, secret");
        react(ocelot, id, "👀");
        im.bus.clear();

        ImMessage tombstone = changes.delete(new DeleteMessageCommand(lynx, id));

        assertThat(tombstone.content()).isEmpty();
        assertThat(stored(id).content()).isEmpty();
        assertThat(stored(id).deleteDate()).contains(NOW);
        MessageView shown = seen(ocelot, id);
        assertThat(shown.deleted()).isTrue();
        assertThat(shown.message()).isEmpty();
        assertThat(shown.reactions()).isEmpty();
        assertThat(ports().messageReactions().of(List.of(id), ocelot.id())).isEmpty();
        assertThat(told(Channel.ofUser(ocelot.id()), MessageDeleted.class))
                .containsExactly(new MessageDeleted(session.uuid(), id, NOW));
    }

    @Test
    void only_the_author_changes_a_message_and_a_non_member_learns_nothing() {
        long id = post(lynx, "mine");
        long missing = id + 1000;

        assertThatThrownBy(() -> changes.edit(new EditMessageCommand(ocelot, id, "yours")))
                .isInstanceOfSatisfying(AccessDenied.class, p -> assertThat(p.field()).isEqualTo("messageId"));
        assertThatThrownBy(() -> changes.delete(new DeleteMessageCommand(ocelot, id))).isInstanceOf(AccessDenied.class);
        ChatProblem hiddenEdit = problem(() -> changes.edit(new EditMessageCommand(pangolin, id, "x")));
        ChatProblem missingEdit = problem(() -> changes.edit(new EditMessageCommand(pangolin, missing, "x")));
        ChatProblem hiddenDelete = problem(() -> changes.delete(new DeleteMessageCommand(pangolin, id)));
        ChatProblem hiddenReact = problem(() -> react(pangolin, id, "👍"));
        ChatProblem missingReact = problem(() -> react(lynx, missing, "👍"));

        for (ChatProblem problem : List.of(hiddenEdit, missingEdit, hiddenDelete, hiddenReact, missingReact)) {
            assertThat(problem).isInstanceOf(NotFound.class);
            assertThat(problem.field()).isEqualTo("messageId");
            assertThat(problem.getMessage()).isEqualTo(missingEdit.getMessage());
        }
        assertThat(stored(id).content()).isEqualTo("mine");
        assertThat(ports().messageReactions().of(List.of(id), pangolin.id())).isEmpty();
    }

    @Test
    void after_the_window_a_message_stays_as_it_is() {
        long id = post(lynx, "then");
        clock.advance(EditWindow.DEFAULT);
        changes.edit(new EditMessageCommand(lynx, id, "still in time"));
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> changes.edit(new EditMessageCommand(lynx, id, "too late")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo("edit_window_passed"));
        assertThatThrownBy(() -> changes.delete(new DeleteMessageCommand(lynx, id))).isInstanceOf(Refused.class);
        assertThat(stored(id).content()).isEqualTo("still in time");
        assertThat(react(ocelot, id, "👍").reacted()).as("reactions have no window").isTrue();
    }

    @Test
    void a_tombstone_is_not_edited_deleted_again_or_reacted_to() {
        long id = post(lynx, "gone");
        changes.delete(new DeleteMessageCommand(lynx, id));

        assertThatThrownBy(() -> changes.edit(new EditMessageCommand(lynx, id, "back")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo("message_deleted"));
        assertThatThrownBy(() -> changes.delete(new DeleteMessageCommand(lynx, id))).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> react(ocelot, id, "👍")).isInstanceOf(Refused.class);
        assertThat(stored(id).content()).isEmpty();
    }

    @Test
    void an_edit_is_checked_like_a_post() {
        long id = post(lynx, "short");

        assertThatThrownBy(() -> changes.edit(new EditMessageCommand(lynx, id, "x".repeat(17))))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("content"));
        assertThatThrownBy(() -> changes.edit(new EditMessageCommand(lynx, id, " ")))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("content"));
        assertThatThrownBy(() -> react(lynx, id, "no spaces"))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("emoji"));
        assertThat(stored(id).content()).isEqualTo("short");
    }

    @Test
    void a_reaction_toggles_and_history_counts_them_per_emoji_as_each_reader_sees_them() {
        long id = post(lynx, "party?");
        long plain = post(lynx, "plain");
        im.bus.clear();

        assertThat(react(ocelot, id, "🎉")).isEqualTo(new ReactionToggled(session.uuid(), id, ocelot.id(), "🎉", true, 1));
        assertThat(react(lynx, id, "👍").count()).isEqualTo(1);
        assertThat(react(lynx, id, "🎉").count()).isEqualTo(2);
        ReactionToggled takenBack = react(lynx, id, "👍");

        assertThat(takenBack.reacted()).isFalse();
        assertThat(takenBack.count()).isZero();
        assertThat(seen(lynx, id).reactions()).containsExactly(new ReactionCount("🎉", 2, true));
        react(ocelot, id, "👍");
        assertThat(seen(lynx, id).reactions())
                .containsExactly(new ReactionCount("🎉", 2, true), new ReactionCount("👍", 1, false));
        assertThat(seen(ocelot, id).reactions())
                .containsExactly(new ReactionCount("🎉", 2, true), new ReactionCount("👍", 1, true));
        assertThat(seen(ocelot, plain).reactions()).isEmpty();
        assertThat(told(Channel.ofUser(lynx.id()), ReactionToggled.class)).hasSize(5);
        assertThat(told(Channel.ofUser(ocelot.id()), ReactionToggled.class)).extracting(ReactionToggled::count)
                .containsExactly(1, 1, 2, 0, 1);
        assertThat(im.bus.ofKind(ReactionToggled.class)).noneMatch(p -> p.channel().equals(Channel.ofUser(pangolin.id())));
    }

    @Test
    void the_store_keeps_one_reaction_per_member_and_emoji_even_when_stored_at_once() throws Exception {
        long id = post(lynx, "once");
        Reaction reaction = new Reaction(id, ocelot.id(), new Emoji("👍"));
        MessageReactions reactions = ports().messageReactions();
        Transactions transactions = ports().transactions();

        List<Boolean> added = race(8, () -> transactions.inTransaction(() -> reactions.add(reaction)));

        assertThat(added).containsOnlyOnce(true);
        assertThat(reactions.count(id, reaction.emoji())).isEqualTo(1);
        assertThat(reactions.has(reaction)).isTrue();
        assertThat(reactions.remove(reaction)).isTrue();
        assertThat(reactions.remove(reaction)).isFalse();
        assertThat(reactions.has(reaction)).isFalse();
    }

    @Test
    void racing_toggles_of_one_member_and_emoji_leave_no_duplicate() throws Exception {
        long id = post(lynx, "toggle me");

        List<ReactionToggled> toggles = race(7, () -> react(ocelot, id, "🔥"));

        assertThat(toggles).filteredOn(ReactionToggled::reacted).hasSize(4);
        assertThat(ports().messageReactions().count(id, new Emoji("🔥"))).isEqualTo(1);
        assertThat(seen(lynx, id).reactions()).containsExactly(new ReactionCount("🔥", 1, false));
    }

    @Test
    void the_store_counts_the_different_emoji_a_member_reacts_to_a_message_with() {
        long id = post(lynx, "count me");
        long other = post(lynx, "not this one");
        MessageReactions reactions = ports().messageReactions();
        ports().transactions().inTransaction(() -> {
            reactions.add(new Reaction(id, ocelot.id(), new Emoji("👍")));
            reactions.add(new Reaction(id, ocelot.id(), new Emoji("🔥")));
            reactions.add(new Reaction(id, lynx.id(), new Emoji("👍")));
            reactions.add(new Reaction(other, ocelot.id(), new Emoji("🎉")));
        });

        assertThat(reactions.distinctOf(id, ocelot.id())).isEqualTo(2);
        assertThat(reactions.distinctOf(id, lynx.id())).isEqualTo(1);
        assertThat(reactions.distinctOf(id, pangolin.id())).isZero();
        assertThat(reactions.distinctOf(other, ocelot.id())).isEqualTo(1);
        ports().transactions().inTransaction(() -> reactions.remove(new Reaction(id, ocelot.id(), new Emoji("🔥"))));
        assertThat(reactions.distinctOf(id, ocelot.id())).isEqualTo(1);
    }

    @Test
    void racing_reactions_of_one_member_never_end_above_the_cap_and_taking_one_back_makes_room() throws Exception {
        UserBudgets threePerMessage = new UserBudgets(BudgetSettings.DEFAULTS.withReactionsPerMessage(3), clock);
        ReactToMessageService capped = closeAfter(new ImServices(storage.ports(),
                new ImPolicy(ImPolicy.STANDARD_TYPES, 16, 20, 50), clock, threePerMessage)).reactToMessage;
        long id = post(lynx, "react to me");
        react(lynx, id, "👍");

        List<Object> answers = race(8, i -> capped.react(new ReactCommand(ocelot, id, new Emoji("r" + i))));

        assertThat(answers).filteredOn(ReactionToggled.class::isInstance).hasSize(3);
        assertThat(answers).filteredOn(Refused.class::isInstance).hasSize(5)
                .allSatisfy(refused -> assertThat(((Refused) refused).kind()).isEqualTo("too_many_reactions"));
        assertThat(ports().messageReactions().distinctOf(id, ocelot.id())).isEqualTo(3);
        String mine = answers.stream().filter(ReactionToggled.class::isInstance).map(ReactionToggled.class::cast)
                .findFirst().orElseThrow().emoji();
        assertThat(problem(() -> capped.react(new ReactCommand(ocelot, id, new Emoji("another"))))).isInstanceOf(Refused.class);
        // the cap is the member's own: another member reacts still, and one's own reaction is taken back
        assertThat(capped.react(new ReactCommand(lynx, id, new Emoji("r0"))).reacted()).isTrue();
        assertThat(capped.react(new ReactCommand(ocelot, id, new Emoji(mine))).reacted()).isFalse();
        assertThat(capped.react(new ReactCommand(ocelot, id, new Emoji("another"))).reacted()).isTrue();
    }

    @Test
    void an_edit_racing_a_deletion_ends_deleted() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = post(lynx, "round " + round);

            List<Object> outcomes = race(2, i -> i == 0
                    ? changes.edit(new EditMessageCommand(lynx, id, "edited " + id))
                    : changes.delete(new DeleteMessageCommand(lynx, id)));

            assertThat(outcomes.get(1)).isInstanceOf(ImMessage.class);
            if (!(outcomes.get(0) instanceof ImMessage)) {
                assertThat(outcomes.get(0)).isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.kind()).isEqualTo("message_deleted"));
            }
            assertThat(stored(id).isDeleted()).isTrue();
            assertThat(stored(id).content()).isEmpty();
        }
    }

    @Test
    void of_racing_edits_the_one_committed_last_is_the_content() throws Exception {
        long id = post(lynx, "draft");
        im.bus.clear();

        race(6, i -> changes.edit(new EditMessageCommand(lynx, id, "edit " + i)));

        List<MessageEdited> told = told(Channel.ofUser(ocelot.id()), MessageEdited.class);
        assertThat(told).hasSize(6);
        assertThat(stored(id).content()).isEqualTo(told.get(5).content());
        assertThat(seen(ocelot, id).message()).isEqualTo(told.get(5).content());
    }

    @Test
    void the_store_keeps_a_change_as_decided_and_finds_the_session_of_a_message() {
        long id = post(lynx, "as posted");
        ImMessages messages = ports().imMessages();
        ImMessage posted = ports().transactions().inTransaction(() -> messages.lockMessage(id)).orElseThrow();
        ImMessage edited = posted.editedBy(lynx.id(), "as edited", NOW.plusSeconds(1), Duration.ofMinutes(1));
        ImMessage deleted = edited.deletedBy(lynx.id(), NOW.plusSeconds(2), Duration.ofMinutes(1));

        ports().transactions().inTransaction(() -> {
            messages.saveChange(edited);
            return null;
        });
        assertThat(stored(id)).isEqualTo(edited);
        ports().transactions().inTransaction(() -> {
            messages.saveChange(deleted);
            return null;
        });

        assertThat(stored(id)).isEqualTo(deleted);
        assertThat(messages.history(posted.sessionId(), java.util.OptionalLong.empty(), 5)).containsExactly(deleted);
        assertThat(ports().transactions().inTransaction(() -> messages.lockMessage(id + 1000))).isEmpty();
        ImMessage stray = new ImMessage(id + 1000, posted.sessionId(), lynx.id(), posted.type(), "x", NOW);
        assertThatThrownBy(() -> messages.saveChange(stray)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ports().imSessions().byId(posted.sessionId()).orElseThrow().uuid()).isEqualTo(session.uuid());
        assertThat(ports().imSessions().byId(posted.sessionId()).orElseThrow().memberIds())
                .containsExactlyInAnyOrder(lynx.id(), ocelot.id());
        assertThat(ports().imSessions().byId(posted.sessionId() + 1000)).isEmpty();
    }

    /** The events of this kind published on the channel, in order (reads publish their own). */
    private <T extends DomainEvent> List<T> told(Channel channel, Class<T> kind) {
        return im.bus.ofKind(kind).stream().filter(p -> p.channel().equals(channel)).map(p -> kind.cast(p.event())).toList();
    }

    private static ChatProblem problem(Callable<?> call) {
        try {
            call.call();
        } catch (ChatProblem problem) {
            return problem;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problem");
    }

    private <T> List<T> race(int callers, Callable<T> call) throws Exception {
        return race(callers, i -> call.call());
    }

    private interface Caller<T> {
        T call(int index) throws Exception;
    }

    /** Runs the callers at once; each answers its result, or the problem that refused it. */
    @SuppressWarnings("unchecked")
    private <T> List<T> race(int callers, Caller<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call(index);
                    } catch (ChatProblem problem) {
                        return problem;
                    }
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add((T) future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
