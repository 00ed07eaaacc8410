package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.List;
import java.util.Objects;

/**
 * A message as stored, the session as it is after it, and the memberships the post changed (the sender's,
 * whose last message it is, and the others' it unread or unfolded): what is to be saved.
 */
public record PostedMessage(ImMessage message, ImSession session, List<Membership> changed) {
    public PostedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(session, "session");
        changed = List.copyOf(changed);
    }

    /** The members other than the sender whose view of the session changed with the message. */
    public List<UserId> membersChanged() {
        return changed.stream().map(Membership::user).filter(u -> !u.equals(message.from())).toList();
    }
}
