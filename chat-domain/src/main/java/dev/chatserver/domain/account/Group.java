package dev.chatserver.domain.account;

import java.util.Objects;
import java.util.Set;

/** A named set of users; a group has its own chat session. */
public record Group(GroupId id, String name, Set<UserId> members) {
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }
}
