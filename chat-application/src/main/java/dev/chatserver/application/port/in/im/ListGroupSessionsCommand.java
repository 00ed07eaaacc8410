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

    public static ListGroupSessionsCommand of(User caller, Long group, String docId, String docModel, String state) {
        return of(caller, group, docId, docModel, state, SessionPage.ALL);
    }

    public static ListGroupSessionsCommand of(User caller, Long group, String docId, String docModel, String state,
                                              SessionPage page) {
        return new ListGroupSessionsCommand(caller,
                group == null ? Optional.empty() : Optional.of(Params.group("group", group)),
                Params.document(docId, docModel),
                state == null ? Optional.empty() : Optional.of(SessionState.parse("state", state)), page);
    }
}
