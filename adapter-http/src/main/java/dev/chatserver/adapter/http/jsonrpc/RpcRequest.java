package dev.chatserver.adapter.http.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.adapter.http.MalformedBody;

/**
 * A JSON-RPC call: its id (echoed in the answer) and its params, read from the envelope or the bare body;
 * {@code body} is the whole JSON object sent, for a route that reads past the params.
 */
public record RpcRequest(JsonNode id, RpcParams params, JsonNode body) {

    /**
     * Reads a body as Odoo does: a body with a {@code params} member takes its params from there, whatever
     * else the body holds or lacks ({@code jsonrpc}, {@code method}); so does a body naming {@code jsonrpc}
     * (without {@code params}: none). Any other object is the bare params.
     */
    public static RpcRequest of(ObjectNode body) {
        JsonNode id = body.has("id") ? body.get("id") : NullNode.instance;
        JsonNode params = isEnvelope(body) ? body.get("params") : body;
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        }
        if (!params.isObject()) {
            throw new MalformedBody("params is not a JSON object");
        }
        return new RpcRequest(id, new RpcParams((ObjectNode) params), body);
    }

    private static boolean isEnvelope(JsonNode body) {
        return body.has("params") || body.has("jsonrpc");
    }
}
