package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bus that only remembers what was published, in order, for tests to look at. */
public final class RecordingBus implements NotificationBus {
    public record Published(Channel channel, Map<String, Object> message) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Channel channel, Map<String, Object> message) {
        published.add(new Published(channel, message));
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public List<Published> ofType(String type) {
        return published.stream().filter(p -> type.equals(p.message().get("type"))).toList();
    }

    public void clear() {
        published.clear();
    }

    public List<Map<String, Object>> on(Channel channel) {
        return published.stream().filter(p -> p.channel().equals(channel)).map(Published::message).toList();
    }
}
