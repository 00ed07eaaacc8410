package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who the users and groups are. Applications that embed the chat core may plug their own directory in here;
 * every list answer is one read, however many ids are asked for.
 */
public interface UserDirectory {
    Optional<User> user(UserId id);

    /** The users of the given ids that exist, in id order. */
    List<User> users(Collection<UserId> ids);

    Optional<User> userByLogin(Login login);

    /** The users of the given logins that exist, in id order (a store answers in one read however many). */
    default List<User> usersByLogins(Collection<Login> logins) {
        return logins.stream().distinct().map(this::userByLogin).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingLong(user -> user.id().value())).toList();
    }

    Optional<User> userByPartner(PartnerId partner);

    /** The users behind the given partners that exist, in id order. */
    List<User> usersByPartners(Collection<PartnerId> partners);

    /** Every user, in id order. */
    List<User> allUsers();

    Optional<Group> group(GroupId id);

    /** The groups of the given ids that exist, in id order. */
    List<Group> groups(Collection<GroupId> ids);

    List<Group> groupsNamed(String name);
}
