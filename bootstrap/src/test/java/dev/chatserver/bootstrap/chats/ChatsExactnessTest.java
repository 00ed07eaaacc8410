package dev.chatserver.bootstrap.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and strings of the Chats API come back exactly as sent, or are refused naming the field, alike on
 * every storage; a refused call changes nothing.
 */
class ChatsExactnessTest {
    /** Beyond a double's range and precision, a negative zero, trailing zeros, escaped NUL and lone surrogate. */
    private static final String DOCUMENT = "{\"big\":1e400,\"tiny\":1e-400,\"long\":123456789012345678901234567890,"
            + "\"neg_zero\":-0.0,\"tenth\":0.10,\"nul\":\"a\\u0000b\",\"lone\":\"\\ud801\",\"pair\":\"\\ud801\\udc37\"}";

    @ParameterizedTest
    @EnumSource(Storages.class)
    void json_documents_come_back_as_the_text_they_were_sent_as(Storages storage) {
        try (Storages.Running running = storage.start()) {
            ChatsServer server = running.server();
            String tenant = server.signIn("support");
            String lynx = server.signIn("lynx");
            ApiClient.Response created = server.post("/api/v1/chats",
                    "{\"audience\":\"example.org\",\"scope\":\"exact\",\"tags\":" + DOCUMENT + "}", tenant);
            String chatId = created.json().get("id").asText();
            ApiClient.Response posted = server.post("/api/v1/chats/" + chatId + "/events",
                    "{\"type\":\"t\",\"data\":" + DOCUMENT + "}", lynx);

            ApiClient.Response chat = server.get("/api/v1/chats/" + chatId, lynx);
            ApiClient.Response events = server.get("/api/v1/chats/" + chatId + "/events", lynx);

            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            assertThat(created.raw().body()).contains("\"tags\":" + DOCUMENT);
            assertThat(posted.status()).isEqualTo(201);
            assertThat(chat.raw().body()).contains("\"tags\":" + DOCUMENT);
            assertThat(events.raw().body()).contains("\"data\":" + DOCUMENT);
        }
    }

    @ParameterizedTest
    @EnumSource(Storages.class)
    void strings_no_storage_can_keep_are_refused_naming_the_field_and_change_nothing(Storages storage) {
        try (Storages.Running running = storage.start()) {
            ChatsServer server = running.server();
            String tenant = server.signIn("support");
            String lynx = server.signIn("lynx");
            String chatId = server.createChat(tenant, "course-42").get("id").asText();
            String events = "/api/v1/chats/" + chatId + "/events";

            ApiClient.Response loneHigh = server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"\\ud801\"}", tenant);
            ApiClient.Response loneLow = server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"\\udc01\"}", tenant);
            ApiClient.Response nulScope = server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"a\\u0000\"}", tenant);
            ApiClient.Response nulAudience = server.post("/api/v1/rooms", "{\"audience\":\"\\u0000\"}", tenant);
            ApiClient.Response nulLabel = server.post(events, "{\"type\":\"t\",\"label\":\"\\u0000\",\"data\":1}", lynx);
            ApiClient.Response loneType = server.post(events, "{\"type\":\"\\ud801x\",\"data\":1}", lynx);
            ApiClient.Response nulQuery = server.get(events + "?set=a%00b", lynx);
            ApiClient.Response nulTypes = server.get(events + "?type=a,%00", lynx);
            ApiClient.Response nulSets = server.get("/api/v1/chats/" + chatId + "/state?sets=%00", lynx);

            assertProblem(loneHigh, 400, "invalid_payload", "scope");
            assertProblem(loneLow, 400, "invalid_payload", "scope");
            assertProblem(nulScope, 400, "invalid_payload", "scope");
            assertProblem(nulAudience, 400, "invalid_payload", "audience");
            assertProblem(nulLabel, 400, "invalid_payload", "label");
            assertProblem(loneType, 400, "invalid_payload", "type");
            assertProblem(nulQuery, 400, "invalid_payload", "set");
            assertProblem(nulTypes, 400, "invalid_payload", "type");
            assertProblem(nulSets, 400, "invalid_payload", "sets");
            JsonNode listed = server.get(events, lynx).json().get("events");
            assertThat(listed).isEmpty();
            assertThat(server.get("/api/v1/audiences/example.org/chats/%3F", lynx).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Storages.class)
    void a_body_that_is_not_utf8_is_refused_before_anything_is_stored(Storages storage) {
        try (Storages.Running running = storage.start()) {
            ChatsServer server = running.server();
            String tenant = server.signIn("support");
            // an overlong encoding of '/' and a UTF-8 encoded lone surrogate
            for (byte[] bad : new byte[][]{{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x81}}) {
                byte[] body = concat("{\"audience\":\"example.org\",\"scope\":\"", bad, "\"}");
                ApiClient.Response refused = server.client().postBytes("/api/v1/chats", body,
                        java.util.Map.of("Authorization", "Bearer " + tenant));

                assertProblem(refused, 400, "invalid_payload");
            }
        }
    }

    private static byte[] concat(String start, byte[] middle, String end) {
        byte[] a = start.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] c = end.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
