package dev.chatserver.adapter.http.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC call: its id (echoed in the answer) and its params, read from the envelope or the bare body;
 * {@code body} is the whole JSON object sent, for a route that reads past the params.
 */
public record RpcRequest(JsonNode id, RpcParams params, JsonNode body) {
}
