package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;
import java.util.Optional;

/** The caller asks for the session of a group they belong to, about a document or not. */
public record OpenGroupSessionCommand(User caller, GroupId group, Optional<DocumentRef> document) {
    public OpenGroupSessionCommand {
        Objects.requireNonNull(caller, "caller");
        if (group == null) {
            throw new InvalidInput("group", "group is required");
        }
        Objects.requireNonNull(document, "document");
    }

    /** The group's session about no document. */
    public static OpenGroupSessionCommand of(User caller, GroupId group) {
        return new OpenGroupSessionCommand(caller, group, Optional.empty());
    }
}
