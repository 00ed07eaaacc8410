package dev.chatserver.bootstrap.chats;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bus that remembers what the server published, for tests to read back. */
final class RecordedNotifications implements NotificationBus {
    private record Published(Channel channel, Map<String, Object> message) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Channel channel, Map<String, Object> message) {
        published.add(new Published(channel, message));
    }

    List<Map<String, Object>> on(String channel) {
        return published.stream().filter(p -> p.channel().name().equals(channel)).map(Published::message).toList();
    }
}
