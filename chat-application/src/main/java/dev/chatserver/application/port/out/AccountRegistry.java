package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AlreadyExists;

import java.util.List;
import java.util.Optional;

/** Provisioning of the server's own accounts: users with their password hash, groups and members. */
public interface AccountRegistry {
    /** Registers the user and its partner record; a taken login is {@code AlreadyExists("login_taken")}. */
    User register(NewUser user, String passwordHash);

    /** The stored password hash of a user, if it has one. */
    Optional<String> passwordHash(UserId user);

    /** Creates an empty group; group names are unique, a taken one is {@link #groupNameTaken}. */
    Group createGroup(String name);

    /** Adds the member; adding one already there changes nothing. */
    Group addMember(GroupId group, UserId user);

    /** The group, locked until the unit of work ends, so that two changes of one group run one after the other. */
    Optional<Group> lockGroup(GroupId group);

    /** Gives the group a new name; a taken one is {@link #groupNameTaken}. */
    Group renameGroup(GroupId group, String name);

    /** Removes the member; removing a user who is not one changes nothing. */
    Group removeMember(GroupId group, UserId user);

    /**
     * Up to {@code limit} groups with an id above {@code afterId}, in id order, with their members; with a search
     * text, only those whose name contains it, ignoring case. A fixed number of reads however many.
     */
    List<Group> groupPage(Optional<String> search, long afterId, int limit);

    /** What every storage throws when a group of that name exists already. */
    static AlreadyExists groupNameTaken(String name) {
        return new AlreadyExists("group_name_taken", "name", "a group named " + name + " exists already");
    }
}
