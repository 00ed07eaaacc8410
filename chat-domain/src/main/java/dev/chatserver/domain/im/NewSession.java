package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A session to create when none has its key yet. */
public record NewSession(SessionKey key, UUID uuid, Instant createDate, Optional<GroupId> group,
                         Optional<DocumentRef> document, Set<UserId> members) {
    public NewSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        members = Set.copyOf(members);
    }
}
