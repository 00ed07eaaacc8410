package dev.chatserver.application.chats;

import dev.chatserver.domain.chats.Event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as every face shows it, and the notification that carries it:
 * {@code {"type":"chats.event","event":{...}}}. The event's {@code data} stays a
 * {@link dev.chatserver.domain.chats.JsonText}, which writers put out as the JSON it holds.
 */
public final class EventMessages {
    public static final String EVENT_TYPE = "chats.event";

    private EventMessages() {
    }

    public static Map<String, Object> notification(Event event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", EVENT_TYPE);
        message.put("event", fields(event));
        return Collections.unmodifiableMap(message);
    }

    /** The event's fields under their API names; {@code label} and {@code attribute} may be null. */
    public static Map<String, Object> fields(Event event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", event.id().toString());
        fields.put("room_id", event.roomId().toString());
        fields.put("type", event.type());
        fields.put("set", event.set());
        fields.put("label", event.label());
        fields.put("attribute", event.attribute());
        fields.put("data", event.data());
        fields.put("occurred_at", event.occurredAt());
        fields.put("original_occurred_at", event.originalOccurredAt());
        fields.put("created_by", event.createdBy().toString());
        fields.put("created_at", event.createdAt().toEpochMilli());
        return Collections.unmodifiableMap(fields);
    }
}
