package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;

import java.util.List;
import java.util.Objects;

/**
 * A message as stored, and the members whose view of the session changed with it (they had read it, or had
 * closed it and now see it folded).
 */
public record PostedMessage(ImMessage message, List<UserId> membersChanged) {
    public PostedMessage {
        Objects.requireNonNull(message, "message");
        membersChanged = List.copyOf(membersChanged);
    }
}
