package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.Listener;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * What listening tells presence, for listeners that are signed-in users (a tenant's backend has no presence):
 * an open feed is a connection, a (re)subscription or a reported inactivity is activity, a poll is a sign of
 * life.
 */
public final class ListenerPresence {
    private final TrackPresence presence;

    @Inject
    public ListenerPresence(TrackPresence presence) {
        this.presence = presence;
    }

    void connected(Listener listener) {
        listener.user().ifPresent(presence::connected);
    }

    void disconnected(Listener listener) {
        listener.user().ifPresent(presence::disconnected);
    }

    void inactiveFor(Listener listener, Duration inactivity) {
        listener.user().ifPresent(user -> presence.inactiveFor(user, inactivity));
    }

    void polled(Listener listener) {
        listener.user().ifPresent(presence::polled);
    }
}
