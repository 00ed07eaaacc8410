package dev.chatserver.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.kit.ApiClient;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything the fuzzing user and tenant can read, as one JSON document: sign-in, sessions, history, address
 * book, contacts, the chat with its events and state, its room. Presence ({@code im_status}) is left out: it
 * follows the clock, not the requests.
 */
final class ReadableState {
    private ReadableState() {
    }

    static JsonNode of(ChatsServer server, String user, String tenant, String sessionUuid, String chatId, String roomId) {
        ApiClient api = server.client();
        ObjectNode state = ApiClient.mapper().createObjectNode();
        state.set("session_info", api.rpc("/web/session/get_session_info", Map.of(), user).json());
        state.set("tenant_info", api.rpc("/web/session/get_session_info", Map.of(), tenant).json());
        state.set("sessions", api.rpc("/im_chat/api/get_sessions", Map.of(), user).json());
        state.set("group_sessions", api.rpc("/im_chat/api/get_sessions_group", Map.of(), user).json());
        state.set("history", api.rpc("/im_chat/api/history", Map.of("uuid", sessionUuid, "limit", 200), user).json());
        state.set("book", api.rpc("/im_chat/api/user_chat_ab/get_users_from_book", Map.of(), user).json());
        state.set("others", api.rpc("/im_chat/api/user_chat_ab/get_all_users", Map.of(), user).json());
        state.set("contacts", api.rpc("/im_chat/api/init", Map.of("name", "", "limit", 100), user).json());
        state.set("chat", server.get("/api/v1/chats/" + chatId, user).json());
        state.set("tenant_chats", server.get("/api/v1/audiences/example.org/chats/fuzz", tenant).json());
        state.set("events", server.get("/api/v1/chats/" + chatId + "/events?limit=200", user).json());
        state.set("state", server.get("/api/v1/chats/" + chatId + "/state?sets=s,fuzz", user).json());
        state.set("room", server.get("/api/v1/rooms/" + roomId, user).json());
        withoutPresence(state);
        return state;
    }

    private static void withoutPresence(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(List.of("im_status"));
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                withoutPresence(children.next());
            }
        } else if (node.isArray()) {
            node.forEach(ReadableState::withoutPresence);
        }
    }
}
