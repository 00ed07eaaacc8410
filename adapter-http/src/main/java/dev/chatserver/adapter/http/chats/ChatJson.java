package dev.chatserver.adapter.http.chats;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.chatserver.application.port.in.chats.BanPage;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventPage;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.SetState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chats, rooms, events and states as the Chats API answers them, and its notification
 * {@code {"type":"chats.event","event":{...}}}; stored JSON is written as it is.
 */
public final class ChatJson {
    public static final String EVENT_NOTIFICATION = "chats.event";
    public static final String BAN_NOTIFICATION = "chats.ban";

    private ChatJson() {
    }

    static Map<String, Object> chat(Chat chat) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", chat.id().toString());
        json.put("audience", chat.audience());
        json.put("scope", chat.scope());
        json.put("tags", raw(chat.tags()));
        json.put("created_at", chat.createdAt().toEpochMilli());
        json.put("real_time", Map.of("event_room_id", chat.roomId().toString()));
        return json;
    }

    static Map<String, Object> room(EventRoom room) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", room.id().toString());
        json.put("audience", room.audience());
        json.put("tags", raw(room.tags()));
        json.put("opened_at", room.openedAt().toEpochMilli());
        json.put("closed_at", room.closedAtTime().map(Instant::toEpochMilli).orElse(null));
        json.put("created_at", room.createdAt().toEpochMilli());
        json.put("locked_types", room.lockedTypes());
        return json;
    }

    static Map<String, Object> ban(RoomBan ban) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("room_id", ban.room().toString());
        json.put("account_id", ban.account().toString());
        json.put("reason", ban.reason());
        json.put("banned_by", ban.by().toString());
        json.put("banned_at", ban.at().toEpochMilli());
        return json;
    }

    static Map<String, Object> bans(BanPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bans", page.bans().stream().map(ChatJson::ban).toList());
        json.put("next_after", page.next().map(AccountId::toString).orElse(null));
        return json;
    }

    /** A ban or its lifting, told on the room's channel: {@code {"type":"chats.ban","room_id",...,"banned":true}}. */
    public static Map<String, Object> banNotification(RoomId room, AccountId account, boolean banned, String reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", BAN_NOTIFICATION);
        json.put("room_id", room.toString());
        json.put("account_id", account.toString());
        json.put("banned", banned);
        json.put("reason", reason);
        return json;
    }

    /** The event's fields under their API names; {@code label} and {@code attribute} may be null. */
    static Map<String, Object> event(Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id().toString());
        json.put("room_id", event.roomId().toString());
        json.put("type", event.type());
        json.put("set", event.set());
        json.put("label", event.label());
        json.put("attribute", event.attribute());
        json.put("data", raw(event.data()));
        json.put("occurred_at", event.occurredAt());
        json.put("original_occurred_at", event.originalOccurredAt());
        json.put("created_by", event.createdBy().toString());
        json.put("created_at", event.createdAt().toEpochMilli());
        return json;
    }

    public static Map<String, Object> eventNotification(Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", EVENT_NOTIFICATION);
        json.put("event", event(event));
        return json;
    }

    static Map<String, Object> page(EventPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", page.events().stream().map(ChatJson::event).toList());
        json.put("next_occurred_at", page.nextCursor().isPresent() ? page.nextCursor().getAsLong() : null);
        return json;
    }

    /** Each set by name: its one event when its events carry no label, else its newest event per label. */
    static Map<String, Object> state(List<SetState> sets) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (SetState set : sets) {
            json.put(set.set(), set.isSingleItem() ? event(set.newest().get(0))
                    : set.newest().stream().map(ChatJson::event).toList());
        }
        return json;
    }

    private static Object raw(JsonText json) {
        return new RawValue(json.value());
    }
}
