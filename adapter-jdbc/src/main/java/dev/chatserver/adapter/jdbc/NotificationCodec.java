package dev.chatserver.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatserver.domain.chats.JsonText;

import java.io.IOException;

import java.util.Map;

/** Notification messages (JSON-like trees) as the text the notification table keeps. */
final class NotificationCodec {
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() { };
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule("chat-core").addSerializer(JsonText.class, new JsonTextSerializer()))
            .build();

    String write(Map<String, Object> message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a notification message is a JSON-like tree: " + e.getOriginalMessage(), e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return mapper.readValue(text, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notification is not JSON", e);
        }
    }

    /** Event data the core kept as JSON text is stored as that JSON, so readers get it back as a tree. */
    private static final class JsonTextSerializer extends StdSerializer<JsonText> {
        JsonTextSerializer() {
            super(JsonText.class);
        }

        @Override
        public void serialize(JsonText value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.value());
        }
    }
}
