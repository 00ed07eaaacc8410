package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.out.notification.Notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications as both transports send them, {@code [{"id":N,"channel":"...","message":{...}}]}, with
 * the HTTP adapter's own mapper so that values such as raw JSON texts come out as they do on every route.
 *
 * <p>A notification fanned out to many connections is rendered once: the text of each entry is kept, by
 * notification id, for the most recent {@value #RENDERED_KEPT} notifications, and a batch joins those texts.
 * A transient signal (typing) is written each time: its id is not its own.
 */
final class NotificationWriter {
    private static final int RENDERED_KEPT = 4_096;

    private final ObjectMapper mapper;
    private final NotificationRenderer renderer;
    private final Map<Long, String> rendered = new LinkedHashMap<>(RENDERED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > RENDERED_KEPT;
        }
    };

    NotificationWriter(ObjectMapper mapper, NotificationRenderer renderer) {
        this.mapper = mapper;
        this.renderer = renderer;
    }

    List<Map<String, Object>> asTree(List<Notification> batch) {
        List<Map<String, Object>> entries = new ArrayList<>(batch.size());
        for (Notification notification : batch) {
            entries.add(entry(notification));
        }
        return entries;
    }

    private Map<String, Object> entry(Notification notification) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", notification.id());
        entry.put("channel", notification.channel().name());
        entry.put("message", renderer.render(notification.event()));
        if (notification.signal()) {
            entry.put("transient", true);
        }
        return entry;
    }

    String batch(List<Notification> batch) {
        StringBuilder json = new StringBuilder().append('[');
        for (Notification notification : batch) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(rendered(notification));
        }
        return json.append(']').toString();
    }

    private String rendered(Notification notification) {
        if (notification.signal()) {
            // a signal carries the id of another notification (the last its listener saw): never cached by it
            return write(entry(notification));
        }
        synchronized (rendered) {
            String text = rendered.get(notification.id());
            if (text != null) {
                return text;
            }
        }
        String text = write(entry(notification));
        synchronized (rendered) {
            rendered.put(notification.id(), text);
        }
        return text;
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
