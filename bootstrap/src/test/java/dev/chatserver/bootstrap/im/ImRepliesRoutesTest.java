package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reply_to_id} on /im_chat/post over HTTP: the quote history and search show, and what is refused. */
class ImRepliesRoutesTest {
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private long reply(String token, String uuid, Object to, String text) {
        return im.call("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text,
                "reply_to_id", to), token).get("message_id").asLong();
    }

    private JsonNode entry(String uuid, long id, String reader) {
        for (JsonNode m : im.im("history", Map.of("uuid", uuid), reader)) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id + " in history");
    }

    @Test
    void a_reply_shows_the_quoted_message_in_history_and_search_until_the_original_is_deleted() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        String question = "Lunch at <noon>? " + "x".repeat(250);
        long original = im.post(im.lynx, uuid, question);

        long answer = reply(im.ocelot, uuid, String.valueOf(original), "Sure, pelican burgers");

        JsonNode quoted = entry(uuid, answer, im.lynx).get("reply_to");
        assertThat(quoted.get("id").asLong()).isEqualTo(original);
        assertThat(quoted.get("from_id").asLong()).isEqualTo(im.id("lynx"));
        assertThat(quoted.get("message").asText()).isEqualTo(question.substring(0, 200));
        assertThat(quoted.get("deleted").asBoolean()).isFalse();
        assertThat(entry(uuid, original, im.lynx).has("reply_to")).isFalse();
        JsonNode hit = im.im("search", Map.of("query", "pelican"), im.lynx).get(0);
        assertThat(hit.toString()).contains("\"reply_to\":" + quoted);

        im.im("delete_message", Map.of("message_id", original), im.lynx);

        JsonNode gone = entry(uuid, answer, im.ocelot).get("reply_to");
        assertThat(gone.get("id").asLong()).isEqualTo(original);
        assertThat(gone.get("message").asText()).isEmpty();
        assertThat(gone.get("deleted").asBoolean()).isTrue();
    }

    @Test
    void a_reply_to_anything_but_a_message_of_the_same_session_is_refused_naming_reply_to_id() {
        im = ImServer.inMemory();
        String ours = im.openSession(im.lynx, "ocelot");
        String theirs = im.openSession(im.ocelot, "support");
        long elsewhere = im.post(im.support, theirs, "between ocelot and support");
        long kept = im.post(im.lynx, ours, "hello");

        for (Object bad : new Object[]{elsewhere, elsewhere + 1000, 0, -4, "seven", 1.5}) {
            JsonNode refused = im.error("/im_chat/post", Map.of("uuid", ours, "message_type", "message",
                    "message_content", "what?", "reply_to_id", bad), im.lynx, "reply_to_id");
            assertThat(refused.get("message").asText()).as("%s", bad).startsWith("reply_to_id");
        }
        JsonNode history = im.im("history", Map.of("uuid", ours), im.ocelot);
        assertThat(history).as("nothing stored").hasSize(1);
        assertThat(history.get(0).get("id").asLong()).isEqualTo(kept);
    }
}
