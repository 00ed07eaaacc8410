package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Map;

/** The checks of JSON parameters that every chat command shares. */
final class JsonParameters {
    private JsonParameters() {
    }

    /** Tags are a JSON object; none are an empty one. */
    static JsonText tags(JsonText tags) {
        if (tags == null) {
            return JsonText.EMPTY_OBJECT;
        }
        if (!(read("tags", tags) instanceof Map)) {
            throw new InvalidInput("tags", "tags is a JSON object");
        }
        return tags;
    }

    /** Data is any JSON document. */
    static JsonText data(JsonText data) {
        if (data == null) {
            throw new InvalidInput("data", "data is required");
        }
        read("data", data);
        return data;
    }

    private static Object read(String field, JsonText json) {
        try {
            return json.tree();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + " is not JSON: " + e.getMessage());
        }
    }
}
