package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The caller starts a group conversation named {@code name} with {@code userIds} (the caller need not be listed). */
public record CreateGroupCommand(User caller, GroupName name, Set<UserId> userIds) {
    /** How many people one request may bring into a group at once. */
    public static final int MAX_USERS = 200;

    public CreateGroupCommand {
        Objects.requireNonNull(caller, "caller");
        if (name == null) {
            throw new InvalidInput("name", "name is required");
        }
        userIds = checkedUsers(userIds);
    }

    public CreateGroupCommand(User caller, GroupName name, List<UserId> userIds) {
        this(caller, name, userIds == null ? null : new LinkedHashSet<>(userIds));
    }

    static Set<UserId> checkedUsers(Set<UserId> userIds) {
        if (userIds == null) {
            throw new InvalidInput("userIds", "userIds is required");
        }
        if (userIds.size() > MAX_USERS) {
            throw new InvalidInput("userIds", "userIds names at most " + MAX_USERS + " users at once");
        }
        return Set.copyOf(userIds);
    }
}
