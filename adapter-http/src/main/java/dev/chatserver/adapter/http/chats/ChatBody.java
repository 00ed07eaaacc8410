package dev.chatserver.adapter.http.chats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * The JSON object a chats route was sent, within the payload limit, with getters that name the field they
 * refuse. A body that is not one JSON object is {@link MalformedBody}.
 */
final class ChatBody {
    private final JsonNode root;
    private final ObjectMapper mapper;

    private ChatBody(JsonNode root, ObjectMapper mapper) {
        this.root = root;
        this.mapper = mapper;
    }

    static ChatBody read(Context ctx, ObjectMapper mapper, int maxBytes) {
        byte[] body = limited(ctx, maxBytes);
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedBody("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBody("the body is a JSON object");
        }
        return new ChatBody(root, mapper);
    }

    /** Reads at most the limit, whatever Content-Length claims, so a large body is refused before it is held. */
    private static byte[] limited(Context ctx, int maxBytes) {
        String tooLarge = "the body is larger than " + maxBytes + " bytes";
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new ContentTooLargeResponse(tooLarge);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ContentTooLargeResponse(tooLarge);
            }
            return bytes;
        } catch (IOException e) {
            throw new MalformedBody("the body could not be read");
        }
    }

    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    String optionalString(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInput(field, field + " is a string");
        }
        return node.textValue();
    }

    boolean optionalBoolean(String field, boolean fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidInput(field, field + " is true or false");
        }
        return node.booleanValue();
    }

    /** An object or absent (null): tags. */
    JsonText optionalObject(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInput(field, field + " is a JSON object");
        }
        return text(node);
    }

    /** Any JSON value but null: data. */
    JsonText requiredJson(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInput(field, field + " is required");
        }
        return text(node);
    }

    RoomId requiredRoomId(String field) {
        return new RoomId(uuid(field, requiredString(field)));
    }

    static UUID uuid(String field, String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + " is a UUID");
        }
    }

    private JsonText text(JsonNode node) {
        try {
            return new JsonText(mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON node always writes", e);
        }
    }
}
