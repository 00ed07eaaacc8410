package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON-RPC bodies read as Odoo reads them (a body with {@code params} takes them from there, whatever else it
 * holds), and history paged with Odoo's {@code last_id} as well as the spec's {@code last_ID}.
 */
class OdooRequestBodiesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    private ApiClient.Response post(String path, String body, String token) {
        return im.api.postRaw(path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    private static List<Long> ids(JsonNode messages) {
        return IntStream.range(0, messages.size()).mapToObj(i -> messages.get(i).get("id").asLong()).toList();
    }

    @Test
    void a_body_with_params_but_no_jsonrpc_signs_in() {
        ApiClient.Response paramsOnly = post("/web/session/authenticate",
                "{\"params\":{\"login\":\"lynx\",\"password\":\"lynx-demo-password\"}}", null);
        ApiClient.Response withMethodAndId = post("/web/session/authenticate",
                "{\"method\":\"call\",\"id\":7,\"params\":{\"db\":\"chat\",\"login\":\"ocelot\",\"password\":\"ocelot-demo-password\"}}",
                null);

        assertThat(paramsOnly.status()).isEqualTo(200);
        assertThat(paramsOnly.result().get("username").asText()).isEqualTo("lynx");
        assertThat(paramsOnly.result().get("session_id").asText()).isNotBlank();
        assertThat(withMethodAndId.result().get("username").asText()).isEqualTo("ocelot");
        assertThat(withMethodAndId.json().get("id").asInt()).isEqualTo(7);
    }

    @Test
    void a_body_with_params_but_no_jsonrpc_reaches_an_im_route() {
        String uuid = im.openSession(im.lynx, "ocelot");

        JsonNode posted = post("/im_chat/post", "{\"params\":{\"uuid\":\"" + uuid
                + "\",\"message_type\":\"message\",\"message_content\":\"through params\"}}", im.lynx).result();
        JsonNode history = post("/im_chat/api/history", "{\"params\":{\"uuid\":\"" + uuid + "\"}}", im.ocelot).result();

        assertThat(posted.get("message_id").asLong()).isPositive();
        assertThat(history).singleElement().satisfies(m -> assertThat(m.get("message").asText()).isEqualTo("through params"));
    }

    @Test
    void the_bare_params_and_a_null_params_keep_their_meaning() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.post(im.lynx, uuid, "one");

        JsonNode bare = post("/im_chat/api/history", "{\"uuid\":\"" + uuid + "\"}", im.ocelot).result();
        JsonNode nullParams = post("/im_chat/api/history", "{\"params\":null,\"uuid\":\"" + uuid + "\"}", im.ocelot).result();
        ApiClient.Response notAnObject = post("/im_chat/api/history", "{\"params\":[1]}", im.ocelot);

        assertThat(bare).hasSize(1);
        assertThat(nullParams.get("field").asText()).isEqualTo("uuid");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("error").get("data").asText()).contains("params");
    }

    @Test
    void history_pages_back_with_last_id_as_with_last_ID() {
        String uuid = im.openSession(im.lynx, "ocelot");
        List<Long> posted = IntStream.rangeClosed(1, 5).mapToObj(n -> im.post(im.lynx, uuid, "m" + n)).toList();

        JsonNode first = im.im("history", Map.of("uuid", uuid, "limit", 2), im.ocelot);
        JsonNode second = im.im("history", Map.of("uuid", uuid, "limit", 2, "last_id", ids(first).get(1)), im.ocelot);
        JsonNode third = im.im("history", Map.of("uuid", uuid, "limit", 2, "last_id", ids(second).get(1)), im.ocelot);
        JsonNode sameWithSpecName = im.im("history", Map.of("uuid", uuid, "limit", 2, "last_ID", ids(first).get(1)), im.ocelot);

        assertThat(ids(first)).containsExactly(posted.get(4), posted.get(3));
        assertThat(ids(second)).containsExactly(posted.get(2), posted.get(1));
        assertThat(ids(third)).containsExactly(posted.get(0));
        assertThat(ids(sameWithSpecName)).isEqualTo(ids(second));
    }

    @Test
    void when_both_are_given_last_ID_wins_and_a_bad_last_id_is_named() {
        String uuid = im.openSession(im.lynx, "ocelot");
        List<Long> posted = IntStream.rangeClosed(1, 4).mapToObj(n -> im.post(im.lynx, uuid, "m" + n)).toList();

        JsonNode both = im.im("history", Map.of("uuid", uuid, "last_ID", posted.get(2), "last_id", posted.get(1)), im.ocelot);

        assertThat(ids(both)).containsExactly(posted.get(1), posted.get(0));
        im.error("history", Map.of("uuid", uuid, "last_id", 0), im.ocelot, "last_id");
        im.error("history", Map.of("uuid", uuid, "last_id", "soon"), im.ocelot, "last_id");
        im.error("history", Map.of("uuid", uuid, "last_ID", 0), im.ocelot, "last_ID");
    }
}
