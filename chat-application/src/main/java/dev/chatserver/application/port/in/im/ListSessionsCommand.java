package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.SessionState;

import java.util.Objects;
import java.util.Optional;

/** The caller's private sessions, narrowed by each filter given, one page of them or all. */
public record ListSessionsCommand(User caller, Optional<UserId> userTo, Optional<DocumentRef> document,
                                  Optional<SessionState> state, SessionPage page) {
    public ListSessionsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(userTo, "userTo");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(page, "page");
    }

    public static ListSessionsCommand of(User caller, Long userTo, String docId, String docModel, String state) {
        return of(caller, userTo, docId, docModel, state, SessionPage.ALL);
    }

    public static ListSessionsCommand of(User caller, Long userTo, String docId, String docModel, String state,
                                         SessionPage page) {
        return new ListSessionsCommand(caller,
                userTo == null ? Optional.empty() : Optional.of(Params.user("user_to", userTo)),
                Params.document(docId, docModel),
                state == null ? Optional.empty() : Optional.of(SessionState.parse("state", state)), page);
    }
}
