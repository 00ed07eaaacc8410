package dev.chatserver.application.im;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.NotFound;

/**
 * Whom a caller names for a session (to open it with, to list by, to invite): a user who exists, or a group the
 * caller is in; {@code NotFound} naming the command's field otherwise.
 */
final class SessionCounterparts {
    private final UserDirectory directory;

    SessionCounterparts(UserDirectory directory) {
        this.directory = directory;
    }

    User existingUser(UserId id, String field) {
        return directory.user(id).orElseThrow(() -> new NotFound("user", field, "no user has the id " + id));
    }

    /** A group the caller is not in answers like one that does not exist. */
    Group groupOfMember(GroupId id, UserId caller) {
        return directory.group(id).filter(g -> g.hasMember(caller))
                .orElseThrow(() -> new NotFound("group", "group", "no group of yours has the id " + id));
    }
}
