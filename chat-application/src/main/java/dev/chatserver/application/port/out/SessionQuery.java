package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.SessionState;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which of a member's sessions to list: group ones or private ones, narrowed by each filter that is present
 * (another member, the group, the document, the asking member's own state), and paged when asked: only sessions
 * with an id below {@code beforeId}, at most {@code limit} of them.
 */
public record SessionQuery(boolean groups, Optional<UserId> withMember, Optional<GroupId> group,
                           Optional<DocumentRef> document, Optional<SessionState> state, OptionalLong beforeId,
                           OptionalInt limit) {
    public SessionQuery {
        Objects.requireNonNull(withMember, "withMember");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(beforeId, "beforeId");
        Objects.requireNonNull(limit, "limit");
    }

    /** Every matching session, unpaged. */
    public SessionQuery(boolean groups, Optional<UserId> withMember, Optional<GroupId> group,
                        Optional<DocumentRef> document, Optional<SessionState> state) {
        this(groups, withMember, group, document, state, OptionalLong.empty(), OptionalInt.empty());
    }

    public static SessionQuery privateSessions() {
        return new SessionQuery(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static SessionQuery groupSessions() {
        return new SessionQuery(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same query, answering only sessions older than {@code beforeId} (when given), at most {@code limit}. */
    public SessionQuery page(OptionalLong beforeId, OptionalInt limit) {
        return new SessionQuery(groups, withMember, group, document, state, beforeId, limit);
    }
}
