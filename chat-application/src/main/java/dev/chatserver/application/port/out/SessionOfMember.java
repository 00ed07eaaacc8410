package dev.chatserver.application.port.out;

import dev.chatserver.domain.im.Membership;

import java.util.Objects;
import java.util.UUID;

/** A session seen through one member's own membership: all a history page needs to know before it reads. */
public record SessionOfMember(long sessionId, UUID uuid, Membership membership) {
    public SessionOfMember {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(membership, "membership");
    }
}
