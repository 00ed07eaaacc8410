package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.account.AddGroupCommand;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** An administrator giving a group a new name; group names stay unique. */
public record RenameGroupCommand(Administrator by, GroupId group, String name) {
    public RenameGroupCommand {
        Objects.requireNonNull(by, "by");
        if (group == null) {
            throw new InvalidInput("group", "group is required");
        }
        name = new AddGroupCommand(name).name();
    }
}
