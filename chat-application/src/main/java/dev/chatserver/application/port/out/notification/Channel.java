package dev.chatserver.application.port.out.notification;

import dev.chatserver.domain.account.UserId;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a notification goes. Clients subscribe to channels by these names: {@code user:5} (a user's own
 * channel), {@code room:<uuid>} (an event room), {@code audience:<audience>} (the tenant of an audience),
 * {@code presence:5} (a user's presence).
 */
public record Channel(String name) {
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

    @Override
    public String toString() {
        return name;
    }
}
