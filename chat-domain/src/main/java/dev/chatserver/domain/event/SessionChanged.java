package dev.chatserver.domain.event;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.SessionView;
import java.util.Objects;

/** An IM session was opened, joined or rearranged: how it now looks to {@code viewer}, one of its members. */
public record SessionChanged(UserId viewer, SessionView session) implements DomainEvent {
    public SessionChanged {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(session, "session");
    }
}
