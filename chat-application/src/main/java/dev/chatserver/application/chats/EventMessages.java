package dev.chatserver.application.chats;

import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.JsonText;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An event as every face shows it, and the notification that carries it:
 * {@code {"type":"chats.event","event":{...}}}, a JSON-like tree as the bus takes it: the event's {@code data}
 * is in it as the tree its JSON text reads as.
 */
public final class EventMessages {
    public static final String EVENT_TYPE = "chats.event";

    private EventMessages() {
    }

    public static Map<String, Object> notification(Event event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", EVENT_TYPE);
        message.put("event", fields(event, data -> data));
        return Collections.unmodifiableMap(message);
    }

    /**
     * The event's fields under their API names ({@code label} and {@code attribute} may be null), with
     * {@code data} as the given function shows it: a face that writes JSON text as it is passes it raw.
     */
    public static Map<String, Object> fields(Event event, Function<JsonText, Object> data) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", event.id().toString());
        fields.put("room_id", event.roomId().toString());
        fields.put("type", event.type());
        fields.put("set", event.set());
        fields.put("label", event.label());
        fields.put("attribute", event.attribute());
        fields.put("data", data.apply(event.data()));
        fields.put("occurred_at", event.occurredAt());
        fields.put("original_occurred_at", event.originalOccurredAt());
        fields.put("created_by", event.createdBy().toString());
        fields.put("created_at", event.createdAt().toEpochMilli());
        return Collections.unmodifiableMap(fields);
    }
}
