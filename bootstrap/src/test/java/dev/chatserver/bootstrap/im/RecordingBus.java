package dev.chatserver.bootstrap.im;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the bus in IM tests: remembers what the server handed to it, in order. */
final class RecordingBus implements NotificationBus {
    record Published(Channel channel, Map<String, Object> message) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Channel channel, Map<String, Object> message) {
        published.add(new Published(channel, message));
    }

    List<Published> published() {
        return List.copyOf(published);
    }

    List<Published> ofType(String type) {
        return published.stream().filter(p -> type.equals(p.message().get("type"))).toList();
    }

    void clear() {
        published.clear();
    }
}
