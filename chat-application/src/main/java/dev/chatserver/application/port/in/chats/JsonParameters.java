package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.problem.InvalidInput;


/** The checks of JSON parameters that every chat command shares (that they are JSON, their maker vouches). */
final class JsonParameters {
    private JsonParameters() {
    }

    /** Tags are a JSON object; none are an empty one. */
    static JsonText tags(JsonText tags) {
        if (tags == null) {
            return JsonText.EMPTY_OBJECT;
        }
        if (!tags.isObject()) {
            throw new InvalidInput("tags", "tags is a JSON object");
        }
        return tags;
    }

    /** Data is any JSON document. */
    static JsonText data(JsonText data) {
        if (data == null) {
            throw new InvalidInput("data", "data is required");
        }
        return data;
    }
}
