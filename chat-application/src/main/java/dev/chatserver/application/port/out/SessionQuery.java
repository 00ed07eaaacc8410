package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.SessionState;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a member's sessions to list: group ones or private ones, narrowed by each filter that is present
 * (another member, the group, the document, the asking member's own state).
 */
public record SessionQuery(boolean groups, Optional<UserId> withMember, Optional<GroupId> group,
                           Optional<DocumentRef> document, Optional<SessionState> state) {
    public SessionQuery {
        Objects.requireNonNull(withMember, "withMember");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
    }

    public static SessionQuery privateSessions() {
        return new SessionQuery(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static SessionQuery groupSessions() {
        return new SessionQuery(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
