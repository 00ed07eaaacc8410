package dev.chatserver.adapter.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.chatserver.domain.chats.JsonText;

import java.io.IOException;

/** The one JSON mapping of the HTTP face, shared by routes, WebSocket and long-polling. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new SimpleModule("chat-core").addSerializer(JsonText.class, new JsonTextSerializer()))
                .build();
    }

    /** A JSON document the core kept as text is written as that JSON, not as a string. */
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
