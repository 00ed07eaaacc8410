package dev.chatserver.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.chats.Storages;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strings of the IM API that no storage can keep as sent (a NUL, which PostgreSQL refuses in text; a lone
 * surrogate, which UTF-8 cannot carry) are refused naming the parameter, alike on every storage, and the
 * refused call stores nothing. On PostgreSQL a NUL used to be a 500 and a lone surrogate came back as "?".
 */
class ImTextTest {
    @ParameterizedTest
    @EnumSource(Storages.class)
    void a_nul_or_a_lone_surrogate_is_refused_naming_the_parameter(Storages storage) {
        try (Storages.Running running = storage.start()) {
            ChatsServer server = running.server();
            ApiClient api = server.client();
            String lynx = server.signIn("lynx");
            long ocelot = api.rpc("/web/session/authenticate",
                    Map.of("login", "ocelot", "password", "ocelot-demo-password"), null).result().get("uid").asLong();
            String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelot), lynx)
                    .result().get("uuid").asText();

            for (String bad : List.of("a\u0000b", "\ud801", "x\udc37")) {
                JsonNode post = call(api, "/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                        "message_content", bad), lynx).result();
                JsonNode document = call(api, "/im_chat/api/get_or_create_session", Map.of("user_to", ocelot,
                        "doc_model", bad, "doc_id", "1"), lynx).result();
                JsonNode filter = call(api, "/im_chat/api/get_sessions", Map.of("doc_model", bad, "doc_id", "1"), lynx)
                        .result();
                ApiClient.Response signIn = call(api, "/web/session/authenticate", Map.of("login", bad, "password", "x"), null);
                JsonNode poll = call(api, "/longpolling/poll", Map.of("channels", List.of("audience:" + bad)), lynx).error().get("data");

                assertRefused(post, "message_content");
                assertRefused(document, "doc_model");
                assertRefused(filter, "doc_model");
                assertThat(signIn.status()).isEqualTo(200);
                assertRefused(signIn.result(), "login");
                assertThat(poll.get("field").asText()).as("a poll refusal is a JSON-RPC error naming the field: " + poll)
                        .isEqualTo("channels");
            }
            assertThat(api.rpc("/im_chat/api/history", Map.of("uuid", uuid), lynx).result()).isEmpty();
            assertThat(api.rpc("/im_chat/api/get_sessions", Map.of(), lynx).result()).hasSize(1);
        }
    }

    /** A call whose JSON escapes every non-ASCII character, so a lone surrogate travels as {@code \\ud801}. */
    private static ApiClient.Response call(ApiClient api, String path, Map<String, Object> params, String token) {
        try {
            String body = ESCAPING.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params", params));
            return api.postRaw(path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter ESCAPING = ApiClient.mapper().writer()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);

    private static void assertRefused(JsonNode result, String field) {
        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("error");
        assertThat(result.get("field").asText()).as(result.toString()).isEqualTo(field);
    }
}
