package dev.chatserver.adapter.http.chats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The members of a JSON object as the exact text each value was sent as. A document kept this way comes back
 * as it came: a number beyond a double's range or precision ({@code 1e400}, {@code 0.10}), an escaped lone
 * surrogate or NUL stays what the client wrote, whatever the storage.
 */
final class RawMembers {
    private RawMembers() {
    }

    /** Each member's value text by name (the last one when a name repeats, as the parsed tree has it). */
    static Map<String, String> of(JsonFactory factory, String object) throws IOException {
        Map<String, String> members = new HashMap<>();
        try (JsonParser parser = factory.createParser(object)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return members;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else {
                    parser.finishToken();
                }
                int end = (int) parser.currentLocation().getCharOffset();
                members.put(name, object.substring(start, end));
            }
        }
        return members;
    }
}
