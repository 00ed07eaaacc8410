package dev.chatserver.application.admin;

import dev.chatserver.application.port.in.admin.AdministerGroups;
import dev.chatserver.application.port.in.admin.CreateGroupCommand;
import dev.chatserver.application.port.in.admin.GroupMemberCommand;
import dev.chatserver.application.port.in.admin.GroupPage;
import dev.chatserver.application.port.in.admin.ListGroupsCommand;
import dev.chatserver.application.port.in.admin.RenameGroupCommand;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.util.List;
import java.util.OptionalLong;

public final class AdministerGroupsService implements AdministerGroups {
    private final AdminActions actions;
    private final AccountRegistry registry;
    private final Transactions transactions;

    @Inject
    public AdministerGroupsService(AdminActions actions, AccountRegistry registry, Transactions transactions) {
        this.actions = actions;
        this.registry = registry;
        this.transactions = transactions;
    }

    @Override
    public GroupPage list(ListGroupsCommand command) {
        actions.administrator(command.by());
        // one more than asked tells whether another page follows
        List<Group> read = registry.groupPage(command.search(), command.after(), command.limit() + 1);
        if (read.size() <= command.limit()) {
            return new GroupPage(read, OptionalLong.empty());
        }
        List<Group> page = read.subList(0, command.limit());
        return new GroupPage(page, OptionalLong.of(page.get(page.size() - 1).id().value()));
    }

    @Override
    public Group create(CreateGroupCommand command) {
        return transactions.inTransaction(() -> {
            actions.administrator(command.by());
            Group group = registry.createGroup(command.group().name());
            actions.record(command.by(), "group.create", target(group.id()), "name " + group.name());
            return group;
        });
    }

    @Override
    public Group rename(RenameGroupCommand command) {
        return transactions.inTransaction(() -> {
            actions.administrator(command.by());
            Group group = existing(command.group());
            if (group.name().equals(command.name())) {
                return group;
            }
            Group renamed = registry.renameGroup(group.id(), command.name());
            actions.record(command.by(), "group.rename", target(group.id()),
                    "name " + group.name() + " -> " + renamed.name());
            return renamed;
        });
    }

    @Override
    public Group addMember(GroupMemberCommand command) {
        return transactions.inTransaction(() -> {
            actions.administrator(command.by());
            Group group = existing(command.group());
            User user = actions.existing(command.user());
            if (group.hasMember(user.id())) {
                return group;
            }
            Group changed = registry.addMember(group.id(), user.id());
            actions.record(command.by(), "group.add_member", target(group.id()), "login " + user.login());
            return changed;
        });
    }

    @Override
    public Group removeMember(GroupMemberCommand command) {
        return transactions.inTransaction(() -> {
            actions.administrator(command.by());
            Group group = existing(command.group());
            User user = actions.existing(command.user());
            if (!group.hasMember(user.id())) {
                return group;
            }
            Group changed = registry.removeMember(group.id(), user.id());
            actions.record(command.by(), "group.remove_member", target(group.id()), "login " + user.login());
            return changed;
        });
    }

    /** Locked, so that two administrators changing one group decide one after the other. */
    private Group existing(GroupId id) {
        return registry.lockGroup(id).orElseThrow(() -> new NotFound("group", "group", "no group has the id " + id));
    }

    private static String target(GroupId group) {
        return "group:" + group.value();
    }
}
