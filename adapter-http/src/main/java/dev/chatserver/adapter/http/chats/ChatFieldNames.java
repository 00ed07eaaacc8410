package dev.chatserver.adapter.http.chats;

import dev.chatserver.adapter.http.problem.FieldNames;

/** The names the Chats API gives the core's fields (docs/chats-api.md). */
public final class ChatFieldNames {
    public static final FieldNames NAMES = FieldNames.of(
            "chat", "chat_id",
            "room", "room_id",
            "user", "user_id",
            "group", "group_id",
            "eventRoom", "event_room_id",
            "occurredAt", "occurred_at",
            "types", "type",
            "lockedTypes", "locked_types",
            "account", "account_id",
            "idempotencyKey", ChatRoutes.IDEMPOTENCY_KEY);

    private ChatFieldNames() {
    }
}
