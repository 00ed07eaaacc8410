package dev.chatserver.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;

/** Notification messages (JSON-like trees) as the text the notification table keeps. */
final class NotificationCodec {
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() { };
    private final ObjectMapper mapper = JsonMapper.builder().build();

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
}
