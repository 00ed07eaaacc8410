package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.SessionState;

import java.util.Objects;
import java.util.Optional;

/** The caller's group sessions, narrowed by each filter given, one page of them or all. */
public record ListGroupSessionsCommand(User caller, Optional<GroupId> group, Optional<DocumentRef> document,
                                       Optional<SessionState> state, SessionPage page) {
    public ListGroupSessionsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(page, "page");
    }

    /** Every group session of the caller's. */
    public static ListGroupSessionsCommand all(User caller) {
        return new ListGroupSessionsCommand(caller, Optional.empty(), Optional.empty(), Optional.empty(),
                SessionPage.ALL);
    }
}
