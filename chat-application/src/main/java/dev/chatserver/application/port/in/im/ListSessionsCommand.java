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

    /** Every private session of the caller's. */
    public static ListSessionsCommand all(User caller) {
        return new ListSessionsCommand(caller, Optional.empty(), Optional.empty(), Optional.empty(), SessionPage.ALL);
    }
}
