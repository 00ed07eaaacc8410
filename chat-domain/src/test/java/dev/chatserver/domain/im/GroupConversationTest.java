package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupConversationTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private static final UserId PANGOLIN = UserId.of(3);
    private static final UserId STRANGER = UserId.of(9);

    private static GroupConversation startedByLynx() {
        NewSession created = NewSession.groupConversation(LYNX, Set.of(OCELOT, PANGOLIN), UUID.randomUUID(), NOW);
        ImSession session = new ImSession(5, created.uuid(), NOW, Optional.empty(), Optional.empty(),
                created.memberships());
        return GroupConversation.created(session, new GroupName(" Night shift "), LYNX);
    }

    @Test
    void the_creator_is_its_one_admin_and_everyone_may_post() {
        GroupConversation group = startedByLynx();
        assertThat(group.name().value()).isEqualTo("Night shift");
        assertThat(group.roleOf(LYNX)).isEqualTo(GroupRole.ADMIN);
        assertThat(group.roleOf(OCELOT)).isEqualTo(GroupRole.MEMBER);
        assertThat(group.mayPost(OCELOT)).isTrue();
        assertThat(group.mayPost(STRANGER)).isFalse();
    }

    @Test
    void only_admins_rename_set_posting_remove_and_set_roles() {
        GroupConversation group = startedByLynx();
        assertThatThrownBy(() -> group.rename(OCELOT, new GroupName("Mine"))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> group.setPosting(OCELOT, Posting.ADMINS)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> group.remove(OCELOT, PANGOLIN)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> group.setRole(OCELOT, OCELOT, GroupRole.ADMIN)).isInstanceOf(AccessDenied.class);
        assertThat(group.rename(LYNX, new GroupName("Day shift")).orElseThrow().name().value()).isEqualTo("Day shift");
        assertThat(group.rename(LYNX, new GroupName("Night shift"))).isEmpty();
    }

    @Test
    void a_stranger_hears_the_conversation_does_not_exist() {
        assertThatThrownBy(() -> startedByLynx().rename(STRANGER, new GroupName("x")))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
        assertThatThrownBy(() -> startedByLynx().add(STRANGER, List.of(STRANGER))).isInstanceOf(NotFound.class);
    }

    @Test
    void an_announcement_group_lets_only_admins_post() {
        GroupConversation group = startedByLynx().setPosting(LYNX, Posting.ADMINS).orElseThrow();
        assertThat(group.mayPost(LYNX)).isTrue();
        assertThat(group.mayPost(OCELOT)).isFalse();
        assertThat(group.setRole(LYNX, OCELOT, GroupRole.ADMIN).orElseThrow().mayPost(OCELOT)).isTrue();
    }

    @Test
    void any_member_adds_people_who_join_as_members() {
        GroupConversation group = startedByLynx();
        List<Membership> newcomers = group.add(OCELOT, List.of(STRANGER, PANGOLIN));
        assertThat(newcomers).extracting(Membership::user).containsExactly(STRANGER);
        GroupConversation joined = group.joinedBy(newcomers);
        assertThat(joined.roleOf(STRANGER)).isEqualTo(GroupRole.MEMBER);
    }

    @Test
    void a_removed_member_is_gone_with_their_role() {
        GroupConversation group = startedByLynx().setRole(LYNX, OCELOT, GroupRole.ADMIN).orElseThrow();
        GroupConversation after = group.remove(LYNX, OCELOT);
        assertThat(after.session().hasMember(OCELOT)).isFalse();
        assertThat(after.admins()).containsExactly(LYNX);
        assertThatThrownBy(() -> after.remove(LYNX, OCELOT))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("member"));
        assertThatThrownBy(() -> after.remove(LYNX, LYNX))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("member"));
    }

    @Test
    void the_last_admin_leaves_only_by_naming_another_who_becomes_admin() {
        GroupConversation group = startedByLynx();
        assertThatThrownBy(() -> group.leave(LYNX, Optional.empty()))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.kind()).isEqualTo("last_admin"));
        assertThatThrownBy(() -> group.leave(LYNX, Optional.of(STRANGER)))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("successor"));
        GroupConversation after = group.leave(LYNX, Optional.of(PANGOLIN));
        assertThat(after.session().hasMember(LYNX)).isFalse();
        assertThat(after.roleOf(PANGOLIN)).isEqualTo(GroupRole.ADMIN);
    }

    @Test
    void a_member_leaves_freely_but_names_no_successor() {
        GroupConversation group = startedByLynx();
        assertThat(group.leave(OCELOT, Optional.empty()).session().memberIds()).containsExactly(LYNX, PANGOLIN);
        assertThatThrownBy(() -> group.leave(OCELOT, Optional.of(PANGOLIN))).isInstanceOf(AccessDenied.class);
    }

    @Test
    void the_last_admin_cannot_stop_being_admin_but_can_hand_over() {
        GroupConversation group = startedByLynx();
        assertThatThrownBy(() -> group.setRole(LYNX, LYNX, GroupRole.MEMBER)).isInstanceOf(Refused.class);
        GroupConversation two = group.setRole(LYNX, OCELOT, GroupRole.ADMIN).orElseThrow();
        assertThat(two.setRole(LYNX, LYNX, GroupRole.MEMBER).orElseThrow().admins()).containsExactly(OCELOT);
        assertThat(two.setRole(LYNX, OCELOT, GroupRole.ADMIN)).isEmpty();
    }

    @Test
    void a_name_is_bounded_and_not_blank() {
        assertThatThrownBy(() -> new GroupName("  ")).isInstanceOfSatisfying(InvalidInput.class,
                p -> assertThat(p.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new GroupName("x".repeat(101))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> GroupRole.parse("role", "owner")).isInstanceOfSatisfying(InvalidInput.class,
                p -> assertThat(p.field()).isEqualTo("role"));
    }
}
