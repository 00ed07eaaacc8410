package dev.chatserver.domain.im;

import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A session as one member sees it: the shared facts plus that member's own state, status and read flag. */
public record SessionView(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                          List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                          SessionStatus status, boolean isRead) {
    public SessionView {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        groups = List.copyOf(groups);
        docs = List.copyOf(docs);
        users = List.copyOf(users);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
    }

    public boolean withDocuments() {
        return !docs.isEmpty();
    }
}
