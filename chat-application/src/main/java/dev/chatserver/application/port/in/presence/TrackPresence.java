package dev.chatserver.application.port.in.presence;

import dev.chatserver.domain.account.UserId;

import java.time.Duration;

/** What presence is computed from: live connections, polls and the user's own activity. */
public interface TrackPresence {
    void connected(UserId user);

    void disconnected(UserId user);

    void polled(UserId user);

    /** The user was idle for {@code inactivity} until now ({@link Duration#ZERO}: active right now). */
    void inactiveFor(UserId user, Duration inactivity);

    /** Recomputes every tracked user's status at the clock's time and pushes each change. */
    void sweep();
}
