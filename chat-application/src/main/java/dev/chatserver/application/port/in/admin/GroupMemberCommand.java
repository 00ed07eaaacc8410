package dev.chatserver.application.port.in.admin;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** An administrator adding a user to a group or removing one from it. */
public record GroupMemberCommand(Administrator by, GroupId group, UserId user) {
    public GroupMemberCommand {
        Objects.requireNonNull(by, "by");
        if (group == null) {
            throw new InvalidInput("group", "group is required");
        }
        if (user == null) {
            throw new InvalidInput("user", "user is required");
        }
    }
}
