package dev.chatserver.bootstrap.robustness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One route the fuzz suite attacks, with parameters that are well-formed but name nothing that exists (or
 * lack one the route needs), so that no mutation of them can change what any user reads.
 *
 * @param params the parameters as JSON texts: the JSON-RPC params, the Chats body's members, or (GET) the
 *               query parameters as plain strings
 * @param caller whose token a well-formed request carries
 */
record FuzzRoute(String method, String path, Api api, Caller caller, Map<String, String> params) {
    enum Api { JSON_RPC, CHATS }

    enum Caller { USER, TENANT, NONE, BAD_TOKEN_ONLY }

    static final String NO_SESSION = "\"00000000-0000-0000-0000-000000000000\"";
    static final String NO_ID = "999999";

    /** Every route of both APIs; {@code chatId} is a real chat the fuzzing user reads. */
    static List<FuzzRoute> all(String chatId) {
        String chat = "/api/v1/chats/" + chatId;
        String noChat = "/api/v1/chats/00000000-0000-0000-0000-000000000000";
        return List.of(
                rpc("/web/session/authenticate", Caller.NONE, "login", "\"lynx\"", "password", "\"not-the-password\""),
                rpc("/web/session/get_session_info", Caller.USER),
                rpc("/web/session/destroy", Caller.BAD_TOKEN_ONLY),
                rpc("/longpolling/poll", Caller.USER, "channels", "[\"user:" + NO_ID + "\"]", "last", "0"),
                rpc("/im_chat/api/get_or_create_session", Caller.USER, "user_to", NO_ID),
                rpc("/im_chat/api/get_or_create_session_group", Caller.USER, "group", NO_ID),
                rpc("/im_chat/api/get_sessions", Caller.USER, "user_to", NO_ID, "state", "\"open\""),
                rpc("/im_chat/api/get_sessions_group", Caller.USER, "group", NO_ID, "state", "\"open\""),
                rpc("/im_chat/api/user_chat_ab/get_all_users", Caller.USER),
                rpc("/im_chat/api/user_chat_ab/get_users_from_book", Caller.USER),
                rpc("/im_chat/api/user_chat_ab/add_users", Caller.USER, "user_ids", "[" + NO_ID + "]"),
                rpc("/im_chat/api/user_chat_ab/remove_users", Caller.USER, "user_ids", "[" + NO_ID + "]"),
                rpc("/im_chat/api/user_chat_ab/add_partner", Caller.USER, "parent_partner_id", NO_ID,
                        "child_partner_id", NO_ID),
                rpc("/im_chat/post", Caller.USER, "uuid", NO_SESSION, "message_type", "\"message\"",
                        "message_content", "\"x\""),
                rpc("/im_chat/api/init", Caller.USER, "name", "\"\"", "limit", "5"),
                rpc("/im_chat/api/history", Caller.USER, "uuid", NO_SESSION, "last_ID", "0", "limit", "5"),
                rpc("/im_chat/api/change_session_status", Caller.USER, "uuid", NO_SESSION, "new_status", "\"open\""),
                rpc("/im_chat/api/update_state", Caller.USER, "uuid", NO_SESSION, "state", "\"open\""),
                rpc("/im_chat/api/add_user", Caller.USER, "uuid", NO_SESSION, "user_id", NO_ID),
                rpc("/im_chat/api/edit_message", Caller.USER, "message_id", NO_ID, "message_content", "\"x\""),
                rpc("/im_chat/api/delete_message", Caller.USER, "message_id", NO_ID),
                rpc("/im_chat/api/react", Caller.USER, "message_id", NO_ID, "emoji", "\"x\""),
                rpc("/im_chat/api/mark_read", Caller.USER, "uuid", NO_SESSION, "message_id", NO_ID),
                // Odoo 8's im_chat client: its own routes and model calls it makes, on nothing that exists
                rpc("/im_chat/init", Caller.USER),
                rpc("/im_chat/history", Caller.USER, "uuid", NO_SESSION, "last_id", "false", "limit", "5"),
                rpc("/web/dataset/call_kw", Caller.USER, "model", "\"im_chat.session\"", "method", "\"session_info\"",
                        "args", "[[" + NO_ID + "]]", "kwargs", "{}"),
                rpc("/web/dataset/call_kw", Caller.USER, "model", "\"res.users\"", "method", "\"im_search\"",
                        "args", "[\"no-such-name\", 5]", "kwargs", "{}"),
                rpc("/web/dataset/call_kw", Caller.USER, "model", "\"im_chat.session\"", "method", "\"add_user\"",
                        "args", "[" + NO_SESSION + ", " + NO_ID + "]", "kwargs", "{}"),
                chats("POST", "/api/v1/chats", Caller.TENANT, "audience", "\"nobody.example\"", "scope", "\"s\"",
                        "tags", "{}"),
                chats("POST", "/api/v1/chats/convert", Caller.TENANT, "audience", "\"nobody.example\"", "scope", "\"s\"",
                        "event_room_id", NO_SESSION),
                chats("GET", chat, Caller.USER),
                chats("GET", "/api/v1/audiences/example.org/chats/no-such-scope", Caller.USER),
                // no "type": however its other members are mutated, nothing is posted to the real chat
                chats("POST", chat + "/events", Caller.USER, "data", "{\"a\":1}", "set", "\"s\"", "is_claim", "false"),
                chats("POST", noChat + "/events", Caller.USER, "type", "\"t\"", "data", "1", "label", "\"l\""),
                chats("GET", chat + "/events", Caller.USER, "type", "t", "set", "s", "label", "l", "attribute", "a",
                        "occurred_at", "0", "direction", "forward", "limit", "5"),
                chats("GET", chat + "/state", Caller.USER, "sets", "s", "occurred_at", "0", "limit", "5"),
                chats("POST", "/api/v1/rooms", Caller.TENANT, "audience", "\"nobody.example\"", "tags", "{}"),
                chats("GET", "/api/v1/rooms/00000000-0000-0000-0000-000000000000", Caller.USER),
                chats("POST", "/api/v1/rooms/00000000-0000-0000-0000-000000000000/close", Caller.TENANT));
    }

    boolean isGet() {
        return method.equals("GET");
    }

    private static FuzzRoute rpc(String path, Caller caller, String... params) {
        return new FuzzRoute("POST", path, Api.JSON_RPC, caller, pairs(params));
    }

    private static FuzzRoute chats(String method, String path, Caller caller, String... params) {
        return new FuzzRoute(method, path, Api.CHATS, caller, pairs(params));
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
