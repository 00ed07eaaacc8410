package dev.chatserver.bootstrap.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.bootstrap.kit.ApiClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odoo 8.0's im_chat web client, call for call: {@code has_group}, {@code /im_chat/init}, {@code im_search}, then
 * the bus ({@code /longpolling/poll} with no channels of its own, {@code last} and {@code im_presence}); a click on
 * a user is {@code session_get}, a window's start {@code /im_chat/history} (with {@code last_id} to page back);
 * a message of an unknown session asks {@code session_info}; a user dropped onto a window is {@code add_user}.
 * What it keeps is what im_chat.js keeps.
 */
final class Odoo8ImChatClient {
    private final ApiClient api;
    private final String token;
    /** The bus's {@code last}: the largest notification id seen. */
    private long last;
    private int requests;
    /** Every {@code [channel, message]} the bus or init handed to on_notification, in order. */
    final List<JsonNode[]> notifications = new ArrayList<>();

    Odoo8ImChatClient(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    /** The model call of {@code openerp.Model(model).call(method, args, kwargs)}; its result. */
    JsonNode call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return ok(rawCall(model, method, args, kwargs));
    }

    ApiClient.Response rawCall(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model", model);
        params.put("method", method);
        params.put("args", args);
        params.put("kwargs", kwargs);
        return send("/web/dataset/call_kw", params);
    }

    /** A user dropped onto a conversation window: the window's {@code add_user}, {@code [uuid, user.id]}. */
    JsonNode addUser(String uuid, long userId) {
        return call("im_chat.session", "add_user", List.of(uuid, userId), Map.of());
    }

    JsonNode rpc(String route, Map<String, ?> params) {
        return ok(send(route, params));
    }

    /** {@code openerp.session.rpc}: Odoo's JSON-RPC envelope, authenticated by the session_id cookie as 8.0 is. */
    private ApiClient.Response send(String route, Map<String, ?> params) {
        ObjectNode envelope = ApiClient.mapper().createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.set("params", ApiClient.mapper().valueToTree(params));
        envelope.put("id", ++requests);
        return api.postRaw(route, envelope.toString(), Map.of("Cookie", "session_id=" + token));
    }

    /** UserMenu.do_update, InstantMessaging.start and switch_display, in 8.0's order; the users listed. */
    JsonNode start() {
        assertThat(call("res.users", "has_group", List.of("base.group_user"), Map.of()).asBoolean())
                .as("im_chat starts only for employees").isTrue();
        for (JsonNode notification : rpc("/im_chat/init", Map.of())) {
            notifications.add(new JsonNode[]{notification.get(0), notification.get(1)});
        }
        return call("res.users", "im_search", List.of("", 20), Map.of("context", Map.of()));
    }

    /** One poll of bus.js: {@code {"channels":[],"last":last,"options":{"im_presence":true}}}. */
    List<JsonNode> poll() {
        JsonNode result = rpc("/longpolling/poll", Map.of("channels", List.of(), "last", last,
                "options", Map.of("im_presence", true)));
        assertThat(result.isArray()).as(result.toString()).isTrue();
        List<JsonNode> batch = new ArrayList<>();
        for (JsonNode notification : result) {
            last = Math.max(last, notification.get("id").asLong());
            notifications.add(new JsonNode[]{notification.get("channel"), notification.get("message")});
            batch.add(notification);
        }
        return batch;
    }

    /**
     * Polls again and again, as bus.js does, until a notification that arrives from now on matches; its
     * {@code [channel, message]}.
     */
    JsonNode[] pollUntil(String what, Predicate<JsonNode[]> wanted) {
        return pollUntil(what, notifications.size(), wanted);
    }

    /** As {@link #pollUntil(String, Predicate)}, looking also at what arrived since notification {@code from}. */
    JsonNode[] pollUntil(String what, int from, Predicate<JsonNode[]> wanted) {
        for (int round = 0; round < 20; round++) {
            for (JsonNode[] seen : notifications.subList(from, notifications.size())) {
                if (wanted.test(seen)) {
                    return seen;
                }
            }
            poll();
        }
        throw new AssertionError("the bus never brought " + what + "; it brought "
                + notifications.stream().map(n -> n[0] + " " + n[1]).toList());
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.json().has("error")).as(response.raw().body()).isFalse();
        return response.result();
    }
}
