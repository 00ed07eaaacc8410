package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** block and unblock over HTTP: the blocked user is refused, told no more than that, until unblocked. */
class ImBlockRoutesTest {
    private final ImServer im = ImServer.inMemory();

    @AfterEach
    void stop() {
        im.close();
    }

    @Test
    void a_blocked_user_can_neither_open_nor_post_into_a_private_session_with_the_blocker() {
        String uuid = im.openSession(im.ocelot, "lynx");

        JsonNode blocked = im.im("block", Map.of("user_id", im.id("ocelot")), im.lynx);
        assertThat(blocked.get("blocked")).extracting(JsonNode::asLong).containsExactly(im.id("ocelot"));

        JsonNode refusedOpen = im.error("get_or_create_session", Map.of("user_to", im.id("lynx")), im.ocelot, "user_to");
        assertThat(refusedOpen.get("message").asText()).isEqualTo("You cannot write to this user");
        JsonNode refusedPost = im.error("/im_chat/post", Map.of("uuid", uuid, "message_type", "message",
                "message_content", "hello?"), im.ocelot, "uuid");
        assertThat(refusedPost.get("message").asText()).isEqualTo("You cannot write to this user");
        assertThat(im.post(im.lynx, uuid, "I still may")).isPositive();
        assertThat(im.im("get_blocked", Map.of(), im.lynx).get("blocked")).hasSize(1);

        assertThat(im.im("unblock", Map.of("user_id", im.id("ocelot")), im.lynx).get("blocked")).isEmpty();
        assertThat(im.post(im.ocelot, uuid, "hello again")).isPositive();
    }

    @Test
    void bad_parameters_are_named() {
        im.error("block", Map.of("user_id", im.id("lynx")), im.lynx, "user_id");
        im.error("block", Map.of("user_id", 999_999), im.lynx, "user_id");
        im.error("block", Map.of(), im.lynx, "user_id");
        im.error("unblock", Map.of("user_id", "ocelot"), im.lynx, "user_id");
    }
}
