package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.account.AddGroupCommand;

import java.util.Objects;

/** An administrator adding an empty group, as {@code group add} does. */
public record CreateGroupCommand(Administrator by, AddGroupCommand group) {
    public CreateGroupCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(group, "group");
    }
}
