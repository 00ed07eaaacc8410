package dev.chatserver.domain.im;

import java.util.Objects;
import java.util.Optional;

/**
 * What a session decided when a member invited someone in: the newcomer's membership to store and, for a private
 * session taking its third member, the key of its own it takes so that its pair no longer finds it.
 */
public record Invitation(ImSession before, Membership newcomer, Optional<SessionKey> newKey) {
    public Invitation {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(newcomer, "newcomer");
        Objects.requireNonNull(newKey, "newKey");
    }

    /** The session as it is once the newcomer joined. */
    public ImSession joined() {
        return before.joinedBy(newcomer);
    }
}
