package dev.chatserver.adapter.http.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.RequestBody;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Odoo's JSON-RPC over HTTP: the body is the envelope {@code {"jsonrpc":"2.0","method":"call","params":{..},"id":7}}
 * or the bare params (see {@link RpcRequest#of}); every answer is the envelope with the request's id.
 */
public final class JsonRpc {
    private static final String REQUEST_ATTRIBUTE = "jsonrpc.request";

    private final ObjectMapper mapper;
    /** Writes answers straight into the response: a large answer is never held as a String first. */
    private final ObjectWriter answers;

    public JsonRpc(ObjectMapper mapper) {
        this.mapper = mapper;
        this.answers = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public RpcRequest read(Context ctx) {
        JsonNode body;
        try {
            String text = RequestBody.readText(ctx);
            body = text.isEmpty() ? JsonNodeFactory.instance.objectNode() : mapper.readTree(text);
        } catch (IOException e) {
            throw new MalformedBody("the body is not JSON");
        }
        if (body == null || body.isMissingNode()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw new MalformedBody("the body is not a JSON object");
        }
        RpcRequest request = RpcRequest.of((ObjectNode) body);
        ctx.attribute(REQUEST_ATTRIBUTE, request);
        return request;
    }

    /** Answers {@code result} in the envelope of the request being handled. */
    public void answer(Context ctx, Object result) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            java.io.OutputStream body = ctx.outputStream();
            answers.writeValue(body, envelope(ctx, "result", result));
            body.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer", e);
        }
    }

    /** Answers a protocol failure (bad body, missing credentials) as a JSON-RPC error object. */
    public static Map<String, Object> errorEnvelope(Context ctx, int code, String message, Object data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("data", data);
        return envelope(ctx, "error", error);
    }

    public static Map<String, Object> resultEnvelope(Context ctx, Object result) {
        return envelope(ctx, "result", result);
    }

    private static Map<String, Object> envelope(Context ctx, String key, Object value) {
        RpcRequest request = ctx.attribute(REQUEST_ATTRIBUTE);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", request == null ? null : request.id());
        envelope.put(key, value);
        return envelope;
    }
}
