package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.Group;

/**
 * What an administrator does with the provisioned user groups (those of {@code group add}); anyone else is refused
 * ({@code AccessDenied}). Every change and its audit entry are one unit of work.
 */
public interface AdministerGroups {
    GroupPage list(ListGroupsCommand command);

    Group create(CreateGroupCommand command);

    Group rename(RenameGroupCommand command);

    /** Adding a member already there changes nothing and is not audited. */
    Group addMember(GroupMemberCommand command);

    /** Removing a user who is not a member changes nothing and is not audited. */
    Group removeMember(GroupMemberCommand command);
}
