package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AlreadyExists;

/** Provisioning of the server's own accounts: users with their password hash, groups and members. */
public interface AccountRegistry {
    /** Registers the user and its partner record; a taken login is {@code AlreadyExists("login_taken")}. */
    User register(NewUser user, String passwordHash);

    /** The stored password hash of a user, if it has one. */
    java.util.Optional<String> passwordHash(UserId user);

    /** Creates an empty group; group names are unique, a taken one is {@link #groupNameTaken}. */
    Group createGroup(String name);

    /** Adds the member; adding one already there changes nothing. */
    Group addMember(GroupId group, UserId user);

    /** What every storage throws when a group of that name exists already. */
    static AlreadyExists groupNameTaken(String name) {
        return new AlreadyExists("group_name_taken", "name", "a group named " + name + " exists already");
    }
}
