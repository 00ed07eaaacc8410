package dev.chatserver.application.contract;

import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.CreateGroupCommand;
import dev.chatserver.application.port.in.im.GroupChangeCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.im.GroupRole;
import dev.chatserver.domain.im.GroupSettings;
import dev.chatserver.domain.im.Posting;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group conversations people make, through their use cases on each storage: rights, notices, notifications, races. */
public abstract class GroupConversationsContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return new ImPolicy(ImPolicy.STANDARD_TYPES, 1000, 20, 50);
    }

    private SessionView create(User creator, String name, User... others) {
        return im.createGroup.create(new CreateGroupCommand(creator, new GroupName(name),
                java.util.Arrays.stream(others).map(User::id).toList()));
    }

    private Optional<SessionView> change(GroupChangeCommand command) {
        return im.changeGroup.change(command);
    }

    private static void assertProblem(ThrowingCallable call, Class<? extends ChatProblem> type, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, p -> assertThat(p.field()).isEqualTo(field));
    }

    /** The meta messages {@code reader} reads in the session, oldest first. */
    private List<String> notices(User reader, SessionView session) {
        List<String> newestFirst = im.history.history(HistoryCommand.newest(reader, session.uuid())).stream()
                .filter(m -> m.type().equals("meta")).map(MessageView::message).toList();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private <T> List<T> heard(User user, Class<T> kind) {
        return im.bus.published().stream().filter(p -> p.channel().equals(Channel.ofUser(user.id())))
                .map(Published::event).filter(kind::isInstance).map(kind::cast).toList();
    }

    private GroupSettings settingsOf(SessionView session) {
        return ports().groupConversations().of(List.of(session.id())).get(session.id());
    }

    @Test
    void anyone_creates_a_group_with_people_of_their_choice_and_is_its_admin() {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);

        assertThat(group.isGroup()).isTrue();
        assertThat(group.conversation()).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("Night shift");
            assertThat(c.posting()).isEqualTo(Posting.ALL);
            assertThat(c.admins()).containsExactly(lynx.id());
        });
        assertThat(group.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id(), pangolin.id());
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel).contains(
                Channel.ofUser(lynx.id()), Channel.ofUser(ocelot.id()), Channel.ofUser(pangolin.id()));
        assertThat(notices(ocelot, group)).containsExactly("Lucid Lynx created the group \u201cNight shift\u201d.");
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(pangolin)))
                .singleElement().satisfies(s -> assertThat(s.conversation()).isPresent());
    }

    @Test
    void creating_with_an_unknown_user_is_refused_naming_user_ids_and_stores_nothing() {
        assertProblem(() -> im.createGroup.create(new CreateGroupCommand(lynx, new GroupName("x"),
                List.of(ocelot.id(), UserId.of(999)))), NotFound.class, "userIds");
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(ocelot))).isEmpty();
    }

    @Test
    void only_admins_rename_set_posting_roles_and_remove_and_a_stranger_hears_nothing_exists() {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);
        assertProblem(() -> change(new GroupChangeCommand.Rename(ocelot, group.uuid(), new GroupName("Mine"))),
                AccessDenied.class, "session");
        assertProblem(() -> change(new GroupChangeCommand.SetPosting(ocelot, group.uuid(), Posting.ADMINS)),
                AccessDenied.class, "session");
        assertProblem(() -> change(new GroupChangeCommand.RemoveMember(ocelot, group.uuid(), pangolin.id())),
                AccessDenied.class, "session");
        User stranger = newUser("quetzal", "Quantal Quetzal");
        assertProblem(() -> change(new GroupChangeCommand.Rename(stranger, group.uuid(), new GroupName("Mine"))),
                NotFound.class, "session");
        SessionView pair = im.openPrivate(lynx, ocelot);
        assertThatThrownBy(() -> change(new GroupChangeCommand.Rename(lynx, pair.uuid(), new GroupName("Pair"))))
                .isInstanceOfSatisfying(Refused.class, p -> {
                    assertThat(p.kind()).isEqualTo("not_a_group");
                    assertThat(p.field()).isEqualTo("session");
                });
        assertThat(settingsOf(group).name().value()).isEqualTo("Night shift");
    }

    @Test
    void each_change_is_a_meta_message_and_a_live_notification_to_every_member() {
        SessionView group = create(lynx, "Night shift", ocelot);
        im.bus.clear();

        SessionView renamed = change(new GroupChangeCommand.Rename(lynx, group.uuid(), new GroupName("Day shift")))
                .orElseThrow();
        assertThat(renamed.conversation().orElseThrow().name()).isEqualTo("Day shift");
        assertThat(heard(ocelot, SessionChanged.class))
                .anySatisfy(c -> assertThat(c.session().conversation().orElseThrow().name()).isEqualTo("Day shift"));
        assertThat(heard(ocelot, MessagePosted.class)).extracting(p -> p.message().message())
                .containsExactly("Lucid Lynx renamed the group to \u201cDay shift\u201d.");

        change(new GroupChangeCommand.AddMembers(lynx, group.uuid(), List.of(pangolin.id())));
        change(new GroupChangeCommand.SetRole(lynx, group.uuid(), ocelot.id(), GroupRole.ADMIN));
        change(new GroupChangeCommand.SetPosting(ocelot, group.uuid(), Posting.ADMINS));
        assertThat(notices(ocelot, group)).containsExactly(
                "Lucid Lynx created the group \u201cNight shift\u201d.",
                "Lucid Lynx renamed the group to \u201cDay shift\u201d.",
                "Lucid Lynx added Precise Pangolin.",
                "Lucid Lynx made Oneiric Ocelot an admin.",
                "Oneiric Ocelot made this an announcement group: only admins post.");
        assertThat(settingsOf(group).admins()).containsExactlyInAnyOrder(lynx.id(), ocelot.id());
        assertThat(settingsOf(group).posting()).isEqualTo(Posting.ADMINS);

        im.bus.clear();
        assertThat(change(new GroupChangeCommand.Rename(lynx, group.uuid(), new GroupName("Day shift")))).isPresent();
        assertThat(im.bus.published()).as("a change that changes nothing says nothing").isEmpty();
    }

    @Test
    void an_announcement_group_takes_posts_from_its_admins_only() {
        SessionView group = create(lynx, "News", ocelot);
        im.post(ocelot, group, "before");
        change(new GroupChangeCommand.SetPosting(lynx, group.uuid(), Posting.ADMINS));

        assertThatThrownBy(() -> im.post(ocelot, group, "may I?")).isInstanceOfSatisfying(AccessDenied.class, p -> {
            assertThat(p.field()).isEqualTo("session");
            assertThat(p.getMessage()).isEqualTo("Only the admins of this group may post in it");
        });
        assertThat(im.post(lynx, group, "news").message()).isEqualTo("news");
        change(new GroupChangeCommand.SetRole(lynx, group.uuid(), ocelot.id(), GroupRole.ADMIN));
        assertThat(im.post(ocelot, group, "now I may").message()).isEqualTo("now I may");
    }

    @Test
    void odoo_8s_add_user_brings_someone_into_a_group_of_two_as_a_member() {
        SessionView group = create(lynx, "Two of us", ocelot);

        SessionView after = im.invitations.invite(new InviteCommand(ocelot, group.uuid(), pangolin.id()));

        assertThat(after.uuid()).isEqualTo(group.uuid());
        assertThat(after.users()).extracting(SessionMember::id).containsExactly(lynx.id(), ocelot.id(), pangolin.id());
        assertThat(after.conversation().orElseThrow().admins()).containsExactly(lynx.id());
        assertThat(change(new GroupChangeCommand.Rename(lynx, group.uuid(), new GroupName("Three of us")))
                .orElseThrow().conversation().orElseThrow().name()).isEqualTo("Three of us");
    }

    @Test
    void a_removed_member_reads_why_then_hears_no_more_and_no_longer_lists_the_group() {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);
        im.bus.clear();

        change(new GroupChangeCommand.RemoveMember(lynx, group.uuid(), pangolin.id()));

        assertThat(heard(pangolin, MessagePosted.class)).extracting(p -> p.message().message())
                .containsExactly("Lucid Lynx removed Precise Pangolin.");
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(pangolin))).isEmpty();
        im.bus.clear();
        im.post(ocelot, group, "still here");
        assertThat(im.bus.published()).extracting(Published::channel).doesNotContain(Channel.ofUser(pangolin.id()));
        assertProblem(() -> im.post(pangolin, group, "let me back"), NotFound.class, "session");
        assertProblem(() -> change(new GroupChangeCommand.RemoveMember(lynx, group.uuid(), pangolin.id())),
                NotFound.class, "member");
    }

    @Test
    void the_last_admin_leaves_only_naming_a_successor() {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);
        assertThatThrownBy(() -> change(new GroupChangeCommand.Leave(lynx, group.uuid(), Optional.empty())))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.field()).isEqualTo("successor"));

        assertThat(change(new GroupChangeCommand.Leave(lynx, group.uuid(), Optional.of(ocelot.id())))).isEmpty();

        assertThat(settingsOf(group).admins()).containsExactly(ocelot.id());
        assertThat(notices(ocelot, group)).last()
                .isEqualTo("Lucid Lynx left the group. Oneiric Ocelot is now an admin.");
        assertThat(change(new GroupChangeCommand.Leave(pangolin, group.uuid(), Optional.empty()))).isEmpty();
        assertThat(im.listSessions.privateSessions(ListSessionsCommand.all(ocelot))).singleElement()
                .satisfies(s -> assertThat(s.users()).extracting(SessionMember::id).containsExactly(ocelot.id()));
    }

    @Test
    void two_admins_removing_each_other_at_once_end_with_one_of_them() throws Exception {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);
        change(new GroupChangeCommand.SetRole(lynx, group.uuid(), ocelot.id(), GroupRole.ADMIN));

        List<Optional<Throwable>> outcomes = race(
                () -> change(new GroupChangeCommand.RemoveMember(lynx, group.uuid(), ocelot.id())),
                () -> change(new GroupChangeCommand.RemoveMember(ocelot, group.uuid(), lynx.id())));

        assertThat(outcomes.stream().filter(Optional::isEmpty).count()).as("one removal wins").isEqualTo(1);
        assertThat(outcomes).filteredOn(Optional::isPresent).singleElement()
                .satisfies(o -> assertThat(o.get()).isInstanceOf(NotFound.class));
        List<UserId> members = membersOf(group);
        assertThat(members).hasSize(2).contains(pangolin.id());
        GroupSettings settings = settingsOf(group);
        assertThat(settings.admins()).hasSize(1);
        assertThat(members).containsAll(settings.admins());
    }

    @Test
    void a_member_leaving_while_promoted_is_either_gone_or_an_admin_never_an_admin_who_left() throws Exception {
        SessionView group = create(lynx, "Night shift", ocelot, pangolin);

        race(() -> change(new GroupChangeCommand.SetRole(lynx, group.uuid(), ocelot.id(), GroupRole.ADMIN)),
                () -> change(new GroupChangeCommand.Leave(ocelot, group.uuid(), Optional.empty())));

        assertThat(membersOf(group)).containsExactly(lynx.id(), pangolin.id());
        assertThat(settingsOf(group).admins()).containsExactly(lynx.id());
    }

    private List<UserId> membersOf(SessionView group) {
        return ports().imSessions().byUuid(group.uuid()).orElseThrow().memberIds();
    }

    /** Runs both at once (released together); each outcome is empty when it succeeded, else what it threw. */
    private static List<Optional<Throwable>> race(Callable<?> one, Callable<?> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Throwable>>> futures = new ArrayList<>();
            for (Callable<?> call : List.of(one, other)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        call.call();
                        return Optional.<Throwable>empty();
                    } catch (ChatProblem problem) {
                        return Optional.<Throwable>of(problem);
                    }
                }));
            }
            start.countDown();
            List<Optional<Throwable>> outcomes = new ArrayList<>();
            for (Future<Optional<Throwable>> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
