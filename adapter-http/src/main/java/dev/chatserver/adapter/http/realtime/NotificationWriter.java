package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.out.notification.Notification;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications as both transports send them, {@code [{"id":N,"channel":"...","message":{...}}]}, with
 * the HTTP adapter's own mapper so that values such as raw JSON texts come out as they do on every route.
 *
 * <p>A notification fanned out to many connections is rendered once: the text of each entry's message is kept, by
 * notification id, for the most recent {@value #RENDERED_KEPT} notifications (and at most 16 MiB of them), and a
 * batch joins those texts. The id and channel around it are written for each connection: a notification kept once
 * for a whole IM session reaches each member on their own channel under the same id.
 * A batch is cut into frames by size, so that no frame is much larger than the bound unless one notification is.
 * A transient signal (typing) is written each time: its id is not its own.
 */
final class NotificationWriter {
    private static final int RENDERED_KEPT = 4_096;
    /** What the kept texts may weigh together (two bytes a char): large notifications are kept fewer. */
    private static final long RENDERED_BYTES = 16 * ByteBounds.MIB;

    private final ObjectMapper mapper;
    private final NotificationRenderer renderer;
    private final Map<Long, String> rendered = new LinkedHashMap<>(RENDERED_KEPT, 0.75f, true);
    /** The bytes of the texts in {@link #rendered}; guarded by it. */
    private long renderedBytes;

    NotificationWriter(ObjectMapper mapper, NotificationRenderer renderer) {
        this.mapper = mapper;
        this.renderer = renderer;
    }

    /** One frame's text and how many notifications of the batch it carries. */
    record Frame(String text, int count) {
    }

    /**
     * The next frame of {@code batch}: the notifications from {@code from} on while the frame stays within
     * {@code maxBytes} (counted as {@link ByteBounds#bytesOf}), at least one however large.
     */
    Frame frame(List<Notification> batch, int from, long maxBytes) {
        StringBuilder json = new StringBuilder().append('[');
        int next = from;
        while (next < batch.size()) {
            String entry = rendered(batch.get(next));
            if (next > from) {
                if (ByteBounds.bytesOf(json) + ByteBounds.bytesOf(entry) + ByteBounds.bytesOf(",]") > maxBytes) {
                    break;
                }
                json.append(',');
            }
            json.append(entry);
            next++;
        }
        return new Frame(json.append(']').toString(), next - from);
    }

    /**
     * A long-poll's answer: as many notifications from the front as fit in {@code maxBytes}, at least one. Written
     * afresh, not from the kept texts: a poll resumes from the log as it is now (a deleted message's text gone).
     */
    List<RawValue> pollAnswer(List<Notification> batch, long maxBytes) {
        return PollAnswers.within(batch, notification -> write(entry(notification)), maxBytes);
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

    /** The whole batch in one frame. */
    String batch(List<Notification> batch) {
        return frame(batch, 0, Long.MAX_VALUE).text();
    }

    private String rendered(Notification notification) {
        if (notification.signal()) {
            // a signal carries the id of another notification (the last its listener saw): never cached by it
            return write(entry(notification));
        }
        return "{\"id\":" + notification.id() + ",\"channel\":" + write(notification.channel().name())
                + ",\"message\":" + renderedMessage(notification) + "}";
    }

    private String renderedMessage(Notification notification) {
        synchronized (rendered) {
            String text = rendered.get(notification.id());
            if (text != null) {
                return text;
            }
        }
        String text = write(renderer.render(notification.event()));
        synchronized (rendered) {
            String replaced = rendered.put(notification.id(), text);
            renderedBytes += ByteBounds.bytesOf(text) - (replaced == null ? 0 : ByteBounds.bytesOf(replaced));
            Iterator<String> eldest = rendered.values().iterator();
            while (rendered.size() > RENDERED_KEPT || renderedBytes > RENDERED_BYTES) {
                renderedBytes -= ByteBounds.bytesOf(eldest.next());
                eldest.remove();
            }
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
