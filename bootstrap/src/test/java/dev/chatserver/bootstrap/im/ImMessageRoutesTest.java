package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.contract.RecordingBus.Published;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /im_chat/post and history over HTTP. */
class ImMessageRoutesTest {
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    /** History paging posts 115 messages per user at once, past the default posts budget. */
    private final ImServer im = ImServer.inMemory("--user-posts", "120/1m");

    @AfterEach
    void stop() {
        im.close();
    }

    private static Map<String, Object> post(String uuid, Object type, Object content) {
        Map<String, Object> params = new HashMap<>();
        params.put("uuid", uuid);
        params.put("message_type", type);
        params.put("message_content", content);
        return params;
    }

    @Test
    void post_answers_the_message_id_and_history_shows_it_in_the_examples_shape() {
        String uuid = im.openSession(im.lynx, "ocelot");

        JsonNode posted = im.call("/im_chat/post", post(uuid, "message", "888"), im.lynx);
        JsonNode history = im.im("history", Map.of("uuid", uuid), im.ocelot);

        long id = posted.get("message_id").asLong();
        assertThat(id).isPositive();
        assertThat(history).singleElement().satisfies(m -> {
            assertThat(m.get("id").asLong()).isEqualTo(id);
            assertThat(m.get("message").asText()).isEqualTo("888");
            assertThat(m.get("type").asText()).isEqualTo("message");
            assertThat(m.get("create_date").asText()).matches(DATETIME);
            assertThat(m.get("to_id").get(0).isIntegralNumber()).isTrue();
            assertThat(m.get("to_id").get(1).asText()).isEqualTo(uuid);
            assertThat(m.get("from_id").get(0).asLong()).isEqualTo(im.id("lynx"));
            assertThat(m.get("from_id").get(1).asText()).isEqualTo("Lucid Lynx");
            assertThat(m.get("from_partner_id").get(0).asLong()).isEqualTo(im.user("lynx").partner().id().value());
            assertThat(m.get("from_partner_id").get(1).asText()).isEqualTo("Lucid Lynx");
        });
    }

    @Test
    void post_hands_the_message_to_every_member_unreads_and_reopens_the_session_for_the_others() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.im("update_state", Map.of("uuid", uuid, "state", "closed"), im.ocelot);
        im.bus.clear();

        long id = im.post(im.lynx, uuid, "hello");

        List<Published> messages = im.bus.ofKind(MessagePosted.class);
        assertThat(messages).extracting(Published::channel).containsExactlyInAnyOrder(
                Channel.ofUser(im.user("lynx").id()), Channel.ofUser(im.user("ocelot").id()));
        assertThat(((MessagePosted) messages.get(0).event()).message().sessionUuid()).hasToString(uuid);
        assertThat(((MessagePosted) messages.get(0).event()).message().id()).isEqualTo(id);
        assertThat(im.bus.ofKind(SessionChanged.class)).extracting(Published::channel)
                .containsExactly(Channel.ofUser(im.user("ocelot").id()));
        JsonNode seenByOcelot = im.im("get_sessions", Map.of(), im.ocelot).get(0);
        assertThat(seenByOcelot.get("is_read").asBoolean()).isFalse();
        assertThat(seenByOcelot.get("state").asText()).isEqualTo("folded");
        assertThat(im.im("get_sessions", Map.of(), im.lynx).get(0).get("is_read").asBoolean()).isTrue();

        im.im("history", Map.of("uuid", uuid), im.ocelot);
        assertThat(im.im("get_sessions", Map.of(), im.ocelot).get(0).get("is_read").asBoolean()).isTrue();
    }

    @Test
    void history_pages_newest_first_by_last_id_with_a_default_of_twenty_and_a_cap() {
        String uuid = im.openSession(im.lynx, "ocelot");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ids.add(im.post(i % 2 == 0 ? im.lynx : im.ocelot, uuid, "m" + i));
        }

        JsonNode first = im.im("history", Map.of("uuid", uuid), im.lynx);
        JsonNode second = im.im("history", Map.of("uuid", uuid, "last_ID", first.get(19).get("id").asLong(), "limit", 5), im.lynx);
        JsonNode capped = im.im("history", Map.of("uuid", uuid, "limit", 1000), im.lynx);

        assertThat(first).hasSize(20);
        assertThat(first.get(0).get("id").asLong()).isEqualTo(ids.get(229));
        assertThat(first.get(19).get("id").asLong()).isEqualTo(ids.get(210));
        assertThat(second).hasSize(5);
        assertThat(second.get(0).get("id").asLong()).isEqualTo(ids.get(209));
        assertThat(capped).hasSize(200);
        JsonNode oldest = im.im("history", Map.of("uuid", uuid, "last_ID", ids.get(2)), im.lynx);
        assertThat(oldest).hasSize(2);
        assertThat(oldest.get(1).get("message").asText()).isEqualTo("m0");
    }

    @Test
    void only_members_post_or_read_and_a_hidden_session_answers_like_a_missing_one() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.post(im.lynx, uuid, "secret");
        String missing = UUID.randomUUID().toString();

        JsonNode hiddenPost = im.error("/im_chat/post", post(uuid, "message", "let me in"), im.support, "uuid");
        JsonNode missingPost = im.error("/im_chat/post", post(missing, "message", "let me in"), im.support, "uuid");
        JsonNode hiddenHistory = im.error("history", Map.of("uuid", uuid), im.support, "uuid");
        JsonNode missingHistory = im.error("history", Map.of("uuid", missing), im.support, "uuid");

        assertThat(hiddenPost).isEqualTo(missingPost);
        assertThat(hiddenHistory).isEqualTo(missingHistory);
        assertThat(hiddenPost.get("message").asText()).isEqualTo("Session does not exist");
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot)).hasSize(1);
    }

    @Test
    void post_and_history_refuse_bad_input_naming_the_field_and_store_nothing() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.bus.clear();

        im.error("/im_chat/post", post(null, "message", "hi"), im.lynx, "uuid");
        im.error("/im_chat/post", post("not-a-uuid", "message", "hi"), im.lynx, "uuid");
        im.error("/im_chat/post", post(uuid, null, "hi"), im.lynx, "message_type");
        im.error("/im_chat/post", post(uuid, "shout", "hi"), im.lynx, "message_type");
        im.error("/im_chat/post", post(uuid, 3, "hi"), im.lynx, "message_type");
        im.error("/im_chat/post", post(uuid, "message", null), im.lynx, "message_content");
        im.error("/im_chat/post", post(uuid, "message", ""), im.lynx, "message_content");
        im.error("/im_chat/post", post(uuid, "message", 42), im.lynx, "message_content");
        im.error("/im_chat/post", post(uuid, "message", "x".repeat(64 * 1024 + 1)), im.lynx, "message_content");
        im.error("history", Map.of(), im.lynx, "uuid");
        im.error("history", Map.of("uuid", uuid, "last_ID", "ten"), im.lynx, "last_ID");
        im.error("history", Map.of("uuid", uuid, "last_ID", 0), im.lynx, "last_ID");
        im.error("history", Map.of("uuid", uuid, "limit", 0), im.lynx, "limit");
        im.error("history", Map.of("uuid", uuid, "limit", List.of(5)), im.lynx, "limit");

        assertThat(im.im("history", Map.of("uuid", uuid), im.lynx)).isEmpty();
        assertThat(im.bus.ofKind(MessagePosted.class)).isEmpty();
        assertThat(im.post(im.lynx, uuid, "x".repeat(64 * 1024))).isPositive();
        assertThat(im.call("/im_chat/post", post(uuid, "typing", "…"), im.lynx).get("status").asText())
                .as("typing is never stored, so it has no message_id").isEqualTo("success");
    }

    @Test
    void a_member_cannot_forge_the_servers_meta_notice_while_the_server_still_posts_its_own() {
        String uuid = im.openSession(im.lynx, "ocelot");
        im.bus.clear();

        JsonNode forged = im.error("/im_chat/post",
                post(uuid, "meta", "Oneiric Ocelot left the conversation."), im.lynx, "message_type");

        assertThat(forged.get("message").asText()).contains("server");
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot)).isEmpty();
        assertThat(im.bus.ofKind(MessagePosted.class)).isEmpty();

        im.im("add_user", Map.of("uuid", uuid, "user_id", im.id("support")), im.lynx);
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot)).singleElement().satisfies(notice -> {
            assertThat(notice.get("type").asText()).isEqualTo("meta");
            assertThat(notice.get("message").asText()).isEqualTo("Russian Support joined the conversation.");
        });
    }
}
