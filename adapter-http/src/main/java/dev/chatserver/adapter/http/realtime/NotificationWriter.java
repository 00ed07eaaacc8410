package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.notification.Notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications as both transports send them, {@code [{"id":N,"channel":"...","message":{...}}]}, with
 * the HTTP adapter's own mapper so that values such as raw JSON texts come out as they do on every route.
 */
final class NotificationWriter {
    private final ObjectMapper mapper;

    NotificationWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Map<String, Object>> asTree(List<Notification> batch) {
        List<Map<String, Object>> entries = new ArrayList<>(batch.size());
        for (Notification notification : batch) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", notification.id());
            entry.put("channel", notification.channel().name());
            entry.put("message", notification.message());
            entries.add(entry);
        }
        return entries;
    }

    String batch(List<Notification> batch) {
        return write(asTree(batch));
    }

    /** A control message of the WebSocket protocol: {@code {"event_name":...,"data":{...}}}. */
    String event(String eventName, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", eventName);
        event.put("data", data);
        return write(event);
    }

    private String write(Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a notification could not be written as JSON", unwritable);
        }
    }
}
