package dev.chatserver.adapter.http.chats;

import dev.chatserver.adapter.http.StorableText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.RequestBody;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON object a chats route was sent, within the payload limit, with getters that name the field they
 * refuse. A body that is not one JSON object is {@link MalformedBody}.
 */
public final class ChatBody {
    private final JsonNode root;
    /** The text each member was sent as: JSON documents (tags, data) are kept as that text. */
    private final Map<String, String> raw;

    private ChatBody(JsonNode root, Map<String, String> raw) {
        this.root = root;
        this.raw = raw;
    }

    public static ChatBody read(Context ctx, ObjectMapper mapper, int maxBytes) {
        String body = RequestBody.utf8(RequestBody.read(ctx, maxBytes));
        JsonNode root;
        Map<String, String> raw;
        try {
            root = mapper.readTree(body);
            raw = root != null && root.isObject() ? RawMembers.of(mapper.getFactory(), body) : Map.of();
        } catch (IOException e) {
            throw new MalformedBody("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBody("the body is a JSON object");
        }
        return new ChatBody(root, raw);
    }

    /** True, false, or absent (null or missing). */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(optionalBoolean(field, false));
    }

    public String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    public String optionalString(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInput(field, field + " is a string");
        }
        return StorableText.checked(field, node.textValue());
    }

    public boolean optionalBoolean(String field, boolean fallback) {
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
        return new JsonText(raw.get(field));
    }

    /** Any JSON value but null: data. */
    JsonText requiredJson(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInput(field, field + " is required");
        }
        return new JsonText(raw.get(field));
    }

    /** A list of strings, each checked as {@link #optionalString} checks one: locked_types. */
    List<String> requiredStrings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInput(field, field + " is required");
        }
        if (!node.isArray()) {
            throw new InvalidInput(field, field + " is a list of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new InvalidInput(field, field + " is a list of strings");
            }
            values.add(StorableText.checked(field, element.textValue()));
        }
        return values;
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
}
