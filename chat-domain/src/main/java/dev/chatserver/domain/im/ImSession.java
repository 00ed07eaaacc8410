package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An IM conversation: private between two users or of a group, optionally about one document. */
public record ImSession(long id, UUID uuid, Instant createDate, Optional<GroupId> group,
                        Optional<DocumentLink> document, List<Membership> members) {
    public ImSession {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(document, "document");
        members = List.copyOf(members);
    }

    public boolean isGroup() {
        return group.isPresent();
    }

    public boolean hasMember(UserId user) {
        return membershipOf(user).isPresent();
    }

    public Optional<Membership> membershipOf(UserId user) {
        return members.stream().filter(m -> m.user().equals(user)).findFirst();
    }

    public List<UserId> memberIds() {
        return members.stream().map(Membership::user).toList();
    }
}
