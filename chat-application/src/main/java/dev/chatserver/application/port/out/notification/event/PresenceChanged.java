package dev.chatserver.application.port.out.notification.event;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import java.util.Objects;

/** A user's presence turned online, away or offline. */
public record PresenceChanged(UserId user, ImStatus status) implements DomainEvent {
    public PresenceChanged {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(status, "status");
    }
}
