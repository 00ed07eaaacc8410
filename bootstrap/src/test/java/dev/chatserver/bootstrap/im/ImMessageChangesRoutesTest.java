package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /im_chat/api/edit_message, delete_message and react over HTTP, and what history shows of them. */
class ImMessageChangesRoutesTest {
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
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
    void edit_delete_and_react_show_in_history_for_each_reader() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long id = im.post(im.lynx, uuid, "helo");
        long kept = im.post(im.lynx, uuid, "plain");

        JsonNode edited = im.im("edit_message", params("message_id", id, "message_content", "hello"), im.lynx);
        JsonNode reacted = im.im("react", params("message_id", id, "emoji", "👍"), im.ocelot);
        im.im("react", params("message_id", String.valueOf(id), "emoji", "🎉"), im.lynx);

        assertThat(edited.get("status").asText()).isEqualTo("success");
        assertThat(edited.get("message_id").asLong()).isEqualTo(id);
        assertThat(edited.get("edit_date").asText()).matches(DATETIME);
        assertThat(reacted.get("reacted").asBoolean()).isTrue();
        assertThat(reacted.get("count").asInt()).isEqualTo(1);
        JsonNode seenByOcelot = entry(uuid, id, im.ocelot);
        assertThat(seenByOcelot.get("message").asText()).isEqualTo("hello");
        assertThat(seenByOcelot.get("edited").asBoolean()).isTrue();
        assertThat(seenByOcelot.get("edit_date").asText()).isEqualTo(edited.get("edit_date").asText());
        assertThat(seenByOcelot.has("deleted")).isFalse();
        assertThat(seenByOcelot.get("reactions").toString())
                .isEqualTo("[{\"emoji\":\"👍\",\"count\":1,\"me\":true},{\"emoji\":\"🎉\",\"count\":1,\"me\":false}]");
        assertThat(entry(uuid, id, im.lynx).get("reactions").toString())
                .isEqualTo("[{\"emoji\":\"👍\",\"count\":1,\"me\":false},{\"emoji\":\"🎉\",\"count\":1,\"me\":true}]");
        JsonNode plain = entry(uuid, kept, im.ocelot);
        assertThat(plain.has("edited")).isFalse();
        assertThat(plain.get("reactions")).isEmpty();

        JsonNode untoggled = im.im("react", params("message_id", id, "emoji", "👍"), im.ocelot);
        assertThat(untoggled.get("reacted").asBoolean()).isFalse();
        assertThat(untoggled.get("count").asInt()).isZero();

        JsonNode deleted = im.im("delete_message", params("message_id", id), im.lynx);
        assertThat(deleted.get("status").asText()).isEqualTo("success");
        JsonNode tombstone = entry(uuid, id, im.ocelot);
        assertThat(tombstone.get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("message").asText()).isEmpty();
        assertThat(tombstone.get("reactions")).isEmpty();
        assertThat(im.server.get(ImMessages.class).byIds(List.of(id)).get(0).content()).isEmpty();
    }

    @Test
    void only_the_author_changes_a_message_and_a_non_member_hears_what_a_missing_message_answers() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long id = im.post(im.lynx, uuid, "mine");
        long missing = id + 1000;

        JsonNode notAuthor = im.error("edit_message", params("message_id", id, "message_content", "x"), im.ocelot, "message_id");
        im.error("delete_message", params("message_id", id), im.ocelot, "message_id");
        JsonNode hiddenEdit = im.error("edit_message", params("message_id", id, "message_content", "x"), im.support, "message_id");
        JsonNode missingEdit = im.error("edit_message", params("message_id", missing, "message_content", "x"), im.support, "message_id");
        JsonNode hiddenDelete = im.error("delete_message", params("message_id", id), im.support, "message_id");
        JsonNode missingDelete = im.error("delete_message", params("message_id", missing), im.support, "message_id");
        JsonNode hiddenReact = im.error("react", params("message_id", id, "emoji", "👍"), im.support, "message_id");
        JsonNode missingReact = im.error("react", params("message_id", missing, "emoji", "👍"), im.support, "message_id");

        assertThat(notAuthor.get("message").asText()).contains("author");
        assertThat(hiddenEdit).isEqualTo(missingEdit);
        assertThat(hiddenDelete).isEqualTo(missingDelete);
        assertThat(hiddenReact).isEqualTo(missingReact);
        assertThat(hiddenEdit.get("message").asText()).isEqualTo("Message does not exist");
        assertThat(entry(uuid, id, im.ocelot).get("message").asText()).isEqualTo("mine");
        assertThat(entry(uuid, id, im.ocelot).get("reactions")).isEmpty();
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        im = ImServer.inMemory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long id = im.post(im.lynx, uuid, "stays");
        im.bus.clear();

        im.error("edit_message", params("message_content", "x"), im.lynx, "message_id");
        im.error("edit_message", params("message_id", "ten", "message_content", "x"), im.lynx, "message_id");
        im.error("edit_message", params("message_id", 0, "message_content", "x"), im.lynx, "message_id");
        im.error("edit_message", params("message_id", -4, "message_content", "x"), im.lynx, "message_id");
        im.error("edit_message", params("message_id", id), im.lynx, "message_content");
        im.error("edit_message", params("message_id", id, "message_content", ""), im.lynx, "message_content");
        im.error("edit_message", params("message_id", id, "message_content", 42), im.lynx, "message_content");
        im.error("edit_message", params("message_id", id, "message_content", "x".repeat(64 * 1024 + 1)), im.lynx,
                "message_content");
        im.error("delete_message", params(), im.lynx, "message_id");
        im.error("delete_message", params("message_id", List.of(id)), im.lynx, "message_id");
        im.error("react", params("message_id", id), im.lynx, "emoji");
        im.error("react", params("message_id", id, "emoji", ""), im.lynx, "emoji");
        im.error("react", params("message_id", id, "emoji", "thumbs up"), im.lynx, "emoji");
        im.error("react", params("message_id", id, "emoji", "a\u0007"), im.lynx, "emoji");
        im.error("react", params("message_id", id, "emoji", "👍".repeat(17)), im.lynx, "emoji");
        im.error("react", params("message_id", id, "emoji", 7), im.lynx, "emoji");
        im.error("react", params("emoji", "👍"), im.lynx, "message_id");

        assertThat(im.bus.published()).isEmpty();
        JsonNode stays = entry(uuid, id, im.ocelot);
        assertThat(stays.get("message").asText()).isEqualTo("stays");
        assertThat(stays.get("reactions")).isEmpty();
    }

    @Test
    void the_edit_window_is_the_servers_setting_and_a_tombstone_stays_one() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        RunningServer server = RunningServer.start(List.of("--storage", "memory", "--demo", "--im-edit-window", "10m"),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(clock);
                    }
                });
        try {
            ApiClient api = server.client();
            String lynx = api.signInAs("lynx");
            long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), api.signInAs("ocelot")).result()
                    .get("uid").asLong();
            String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx).result()
                    .get("uuid").asText();
            long early = post(api, lynx, uuid, "early");
            long gone = post(api, lynx, uuid, "gone");
            api.rpc("/im_chat/api/delete_message", params("message_id", gone), lynx);
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));

            JsonNode late = api.rpc("/im_chat/api/edit_message", params("message_id", early, "message_content", "late"),
                    lynx).result();
            JsonNode again = api.rpc("/im_chat/api/edit_message", params("message_id", gone, "message_content", "back"),
                    lynx).result();

            assertThat(late.get("status").asText()).isEqualTo("error");
            assertThat(late.get("message").asText()).contains("PT10M");
            assertThat(again.get("status").asText()).isEqualTo("error");
            assertThat(again.get("message").asText()).isEqualTo("The message was deleted");
        } finally {
            server.close();
        }
    }

    @Test
    void on_h2_history_shows_edits_tombstones_and_reactions_as_on_memory(@TempDir Path data) {
        im = new ImServer(List.of("--storage", "h2", "--data-dir", data.toString(), "--demo"));
        String uuid = im.openSession(im.lynx, "ocelot");
        long id = im.post(im.lynx, uuid, "first");
        long gone = im.post(im.lynx, uuid, "second");

        im.im("edit_message", params("message_id", id, "message_content", "first, edited"), im.lynx);
        im.im("react", params("message_id", id, "emoji", "❤️"), im.ocelot);
        im.im("react", params("message_id", gone, "emoji", "❤️"), im.ocelot);
        im.im("delete_message", params("message_id", gone), im.lynx);

        JsonNode edited = entry(uuid, id, im.lynx);
        assertThat(edited.get("message").asText()).isEqualTo("first, edited");
        assertThat(edited.get("edited").asBoolean()).isTrue();
        assertThat(edited.get("reactions").toString()).isEqualTo("[{\"emoji\":\"❤️\",\"count\":1,\"me\":false}]");
        JsonNode tombstone = entry(uuid, gone, im.lynx);
        assertThat(tombstone.get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("message").asText()).isEmpty();
        assertThat(tombstone.get("reactions")).isEmpty();
        assertThat(im.server.get(ImMessages.class).byIds(List.of(gone)).get(0).content()).isEmpty();
    }

    private static long post(ApiClient api, String token, String uuid, String text) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token)
                .result().get("message_id").asLong();
    }
}
