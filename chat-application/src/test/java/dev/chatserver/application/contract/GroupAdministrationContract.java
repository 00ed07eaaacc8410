package dev.chatserver.application.contract;

import dev.chatserver.application.admin.AdminActions;
import dev.chatserver.application.admin.AdministerGroupsService;
import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.application.port.in.admin.Administrator;
import dev.chatserver.application.port.in.admin.CreateGroupCommand;
import dev.chatserver.application.port.in.admin.GroupMemberCommand;
import dev.chatserver.application.port.in.admin.GroupPage;
import dev.chatserver.application.port.in.admin.ListGroupsCommand;
import dev.chatserver.application.port.in.admin.RenameGroupCommand;
import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provisioned user groups as an administrator changes them: their page, names and members, audited. */
public abstract class GroupAdministrationContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private AdministerGroupsService groups;
    private Administrator root;
    private User lynx;

    @BeforeEach
    void wire() {
        AdminActions actions = new AdminActions(ports().standings(), ports().users(), ports().audit(),
                new MutableClock(NOW));
        groups = new AdministerGroupsService(actions, ports().accounts(), ports().transactions());
        User admin = registered("root", true);
        root = new Administrator(admin.id(), "203.0.113.7");
        lynx = registered("lynx", false);
    }

    private User registered(String login, boolean administrator) {
        User user = ports().accounts().register(new NewUser(new Login(login), login, ""), "hash");
        if (administrator) {
            ports().standings().save(AccountStanding.ordinary(user.id()).grantedAdmin());
        }
        return user;
    }

    private Group created(String name) {
        return groups.create(new CreateGroupCommand(root, new AddGroupCommand(name)));
    }

    @Test
    void groups_are_paged_in_id_order_with_their_members_and_searched_by_name_ignoring_case() {
        AccountRegistry registry = ports().accounts();
        Group sales = registry.createGroup("Sales");
        Group support = registry.createGroup("Support 100%");
        Group ops = registry.createGroup("Ops");
        registry.addMember(sales.id(), lynx.id());
        registry.addMember(sales.id(), root.user());

        assertThat(registry.groupPage(Optional.empty(), 0, 2)).extracting(Group::name)
                .containsExactly("Sales", "Support 100%");
        assertThat(registry.groupPage(Optional.empty(), 0, 1).get(0).members())
                .containsExactlyInAnyOrder(lynx.id(), root.user());
        assertThat(registry.groupPage(Optional.empty(), support.id().value(), 10)).containsExactly(ops);
        assertThat(registry.groupPage(Optional.of("s"), 0, 10)).extracting(Group::name)
                .containsExactly("Sales", "Support 100%", "Ops");
        assertThat(registry.groupPage(Optional.of("SUP"), 0, 10)).extracting(Group::id).containsExactly(support.id());
        assertThat(registry.groupPage(Optional.of("%"), 0, 10)).extracting(Group::id).containsExactly(support.id());
        assertThat(registry.groupPage(Optional.of("_"), 0, 10)).isEmpty();
    }

    @Test
    void a_group_is_renamed_to_a_free_name_only_and_loses_a_member_for_every_reader() {
        AccountRegistry registry = ports().accounts();
        Group sales = registry.createGroup("Sales");
        registry.createGroup("Ops");
        registry.addMember(sales.id(), lynx.id());

        assertThat(registry.renameGroup(sales.id(), "Sales EMEA").name()).isEqualTo("Sales EMEA");
        assertThatThrownBy(() -> ports().transactions().inTransaction(() -> registry.renameGroup(sales.id(), "Ops")))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("group_name_taken"));
        assertThat(registry.removeMember(sales.id(), lynx.id()).members()).isEmpty();
        assertThat(registry.removeMember(sales.id(), lynx.id()).members()).isEmpty();

        assertThat(ports().users().group(sales.id())).contains(new Group(sales.id(), "Sales EMEA", Set.of()));
        assertThat(ports().users().groupsNamed("Sales")).isEmpty();
        assertThatThrownBy(() -> registry.removeMember(GroupId.of(999_999), lynx.id()))
                .isInstanceOf(NotFound.class);
        assertThat(ports().transactions().inTransaction(() -> registry.lockGroup(sales.id()))).isPresent();
        assertThat(ports().transactions().inTransaction(() -> registry.lockGroup(GroupId.of(999_999)))).isEmpty();
    }

    @Test
    void an_administrator_creates_renames_and_changes_members_each_audited_once() {
        Group sales = created("Sales");
        groups.rename(new RenameGroupCommand(root, sales.id(), "Sales EMEA"));
        groups.rename(new RenameGroupCommand(root, sales.id(), "Sales EMEA"));
        groups.addMember(new GroupMemberCommand(root, sales.id(), lynx.id()));
        Group withLynx = groups.addMember(new GroupMemberCommand(root, sales.id(), lynx.id()));
        Group without = groups.removeMember(new GroupMemberCommand(root, sales.id(), lynx.id()));
        groups.removeMember(new GroupMemberCommand(root, sales.id(), lynx.id()));

        assertThat(withLynx.members()).containsExactly(lynx.id());
        assertThat(without.members()).isEmpty();
        GroupPage found = groups.list(new ListGroupsCommand(root, Optional.of("emea"), 0, 10));
        assertThat(found.groups()).extracting(Group::name).containsExactly("Sales EMEA");
        List<AuditEntry> audit = ports().audit().newestFirst(OptionalLong.empty(), 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("group.remove_member", "group.add_member",
                "group.rename", "group.create");
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.target()).isEqualTo("group:" + sales.id());
            assertThat(entry.actor()).isEqualTo(root.user());
            assertThat(entry.clientAddress()).isEqualTo("203.0.113.7");
        });
        assertThat(audit.get(1).detail()).isEqualTo("login lynx");
        assertThat(audit.get(2).detail()).isEqualTo("name Sales -> Sales EMEA");
    }

    @Test
    void groups_are_listed_a_page_at_a_time() {
        for (int n = 1; n <= 5; n++) {
            created("Group " + n);
        }
        GroupPage first = groups.list(new ListGroupsCommand(root, Optional.empty(), 0, 3));
        GroupPage second = groups.list(new ListGroupsCommand(root, Optional.empty(), first.nextAfter().orElseThrow(), 3));

        assertThat(first.groups()).extracting(Group::name).containsExactly("Group 1", "Group 2", "Group 3");
        assertThat(second.groups()).extracting(Group::name).containsExactly("Group 4", "Group 5");
        assertThat(second.nextAfter()).isEmpty();
    }

    @Test
    void refusals_name_what_is_wrong_and_change_nothing() {
        Group sales = created("Sales");
        created("Ops");
        Administrator plain = new Administrator(lynx.id(), null);

        assertThatThrownBy(() -> groups.list(new ListGroupsCommand(plain, Optional.empty(), 0, 10)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> groups.create(new CreateGroupCommand(plain, new AddGroupCommand("Mine"))))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> groups.addMember(new GroupMemberCommand(plain, sales.id(), lynx.id())))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> groups.rename(new RenameGroupCommand(root, sales.id(), "Ops")))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("group_name_taken"));
        assertThatThrownBy(() -> created("Ops"))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("group_name_taken"));
        assertThatThrownBy(() -> groups.addMember(new GroupMemberCommand(root, GroupId.of(999_999), lynx.id())))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.field()).isEqualTo("group"));
        assertThatThrownBy(() -> groups.removeMember(new GroupMemberCommand(root, sales.id(), UserId.of(999_999))))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("user"));

        assertThat(ports().users().group(sales.id()).orElseThrow().name()).isEqualTo("Sales");
        assertThat(ports().users().group(sales.id()).orElseThrow().members()).isEmpty();
        assertThat(ports().audit().newestFirst(OptionalLong.empty(), 10)).extracting(AuditEntry::action)
                .containsExactly("group.create", "group.create");
    }

    @Test
    void two_administrators_adding_one_member_at_once_add_and_audit_it_once() throws Exception {
        Administrator other = new Administrator(registered("other", true).id(), null);
        for (int round = 0; round < 5; round++) {
            Group group = created("Race " + round);
            List<Object> outcomes = Race.of(
                    () -> groups.addMember(new GroupMemberCommand(root, group.id(), lynx.id())),
                    () -> groups.addMember(new GroupMemberCommand(other, group.id(), lynx.id())));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Group.class));
            assertThat(ports().users().group(group.id()).orElseThrow().members()).containsExactly(lynx.id());
            assertThat(ports().audit().newestFirst(OptionalLong.empty(), 2)).extracting(AuditEntry::action)
                    .containsExactly("group.add_member", "group.create");
        }
    }
}
