package dev.chatserver.application.port.out.notification;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a notification goes. Clients subscribe to channels by these names: {@code user:5} (a user's own
 * channel), {@code room:<uuid>} (an event room), {@code audience:<audience>} (the tenant of an audience),
 * {@code presence:5} (a user's presence). One more is the server's own: {@code session:<uuid>} carries what is
 * told to every member of an IM session, kept once however many members it has; no client names it, each member
 * hears it on their {@code user:} channel, as long as they are a member when it is delivered.
 */
public record Channel(String name) {
    private static final String SESSION = "session:";

    public Channel {
        Objects.requireNonNull(name, "name");
    }

    public static Channel ofUser(UserId user) {
        return new Channel("user:" + user.value());
    }

    public static Channel ofRoom(UUID room) {
        return new Channel("room:" + room);
    }

    public static Channel ofAudience(String audience) {
        return new Channel("audience:" + audience);
    }

    public static Channel ofPresence(UserId user) {
        return new Channel("presence:" + user.value());
    }

    /** Where what every member of an IM session hears is kept, once for all of them. */
    public static Channel ofSession(UUID session) {
        return new Channel(SESSION + session);
    }

    /** The IM session whose members this channel's notifications are for, when it is a session's channel. */
    public Optional<UUID> session() {
        return name.startsWith(SESSION) ? Optional.of(UUID.fromString(name.substring(SESSION.length()))) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
