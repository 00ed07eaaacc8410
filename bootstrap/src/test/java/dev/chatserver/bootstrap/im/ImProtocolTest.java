package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every IM route shares: envelope or bare params in, the envelope out, 400 and 401 as protocol errors. */
class ImProtocolTest {
    private static final List<String> ROUTES = List.of(
            "/im_chat/api/get_or_create_session", "/im_chat/api/get_or_create_session_group",
            "/im_chat/api/get_sessions", "/im_chat/api/get_sessions_group",
            "/im_chat/api/user_chat_ab/get_all_users", "/im_chat/api/user_chat_ab/get_users_from_book",
            "/im_chat/api/user_chat_ab/add_users", "/im_chat/api/user_chat_ab/remove_users",
            "/im_chat/api/user_chat_ab/add_partner", "/im_chat/post", "/im_chat/api/init", "/im_chat/api/history",
            "/im_chat/api/change_session_status", "/im_chat/api/update_state", "/im_chat/api/add_user");
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    @Test
    void a_body_that_is_not_json_is_http_400_with_a_parse_error_on_every_route() {
        for (String route : ROUTES) {
            ApiClient.Response response = im.api.postRaw(route, "{not json", Map.of("Authorization", "Bearer " + im.lynx));
            assertThat(response.status()).as(route).isEqualTo(400);
            assertThat(response.json().get("error").get("code").asInt()).as(route).isEqualTo(-32700);
            assertThat(response.raw().body()).doesNotContain("Exception");
        }
    }

    @Test
    void a_call_without_valid_credentials_is_http_401_on_every_route() {
        for (String route : ROUTES) {
            ApiClient.Response none = im.api.rpc(route, Map.of(), null);
            ApiClient.Response wrong = im.api.rpc(route, Map.of(), "not-a-token");
            assertThat(none.status()).as(route).isEqualTo(401);
            assertThat(wrong.status()).as(route).isEqualTo(401);
            assertThat(none.json().get("error")).as(route).isNotNull();
        }
    }

    @Test
    void bare_params_work_like_the_envelope_and_the_request_id_comes_back() {
        ApiClient.Response bare = im.api.postRaw("/im_chat/api/get_or_create_session",
                "{\"user_to\":" + im.id("ocelot") + "}", Map.of("Authorization", "Bearer " + im.lynx));
        ApiClient.Response envelope = im.api.postRaw("/im_chat/api/get_or_create_session",
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"user_to\":" + im.id("ocelot") + "},\"id\":7}",
                Map.of("Cookie", "session_id=" + im.lynx));

        assertThat(bare.json().get("id").isNull()).isTrue();
        assertThat(envelope.json().get("id").asInt()).isEqualTo(7);
        JsonNode bareResult = bare.result();
        assertThat(bareResult.get("uuid")).isEqualTo(envelope.result().get("uuid"));
    }
}
