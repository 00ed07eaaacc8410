package dev.chatserver.adapter.http.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC call: its id (echoed in the answer) and its params, read from the envelope or the bare body. */
public record RpcRequest(JsonNode id, RpcParams params) {
}
