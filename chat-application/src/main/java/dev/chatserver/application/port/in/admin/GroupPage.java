package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.Group;

import java.util.List;
import java.util.OptionalLong;

/** One page of groups and, when more may follow, the {@code after} of the next page. */
public record GroupPage(List<Group> groups, OptionalLong nextAfter) {
    public GroupPage {
        groups = List.copyOf(groups);
    }
}
