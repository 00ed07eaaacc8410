package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /im_chat/api/search over HTTP. */
class ImSearchRoutesTest {
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private ImServer memory(String... flags) {
        im = ImServer.inMemory(flags);
        return im;
    }

    private static List<Long> ids(JsonNode hits) {
        List<Long> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.get("message").get("id").asLong()));
        return ids;
    }

    @Test
    void search_answers_each_hit_with_its_session_and_the_message_as_history_shows_it() {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");
        long first = im.post(im.lynx, uuid, "Lunch at noon?");
        im.post(im.ocelot, uuid, "sure");
        long third = im.post(im.ocelot, uuid, "lunch, NOON, yes");

        JsonNode hits = im.im("search", Map.of("query", "noon lunch"), im.lynx);

        assertThat(ids(hits)).containsExactly(third, first);
        JsonNode hit = hits.get(0);
        assertThat(hit.get("session").get("uuid").asText()).isEqualTo(uuid);
        assertThat(hit.get("session").get("is_group").asBoolean()).isFalse();
        JsonNode history = im.im("history", Map.of("uuid", uuid), im.lynx);
        assertThat(hit.get("message")).isEqualTo(history.get(0));
        assertThat(hit.get("session").get("id").asLong()).isEqualTo(history.get(0).get("to_id").get(0).asLong());
    }

    @Test
    void search_sees_only_the_callers_sessions_and_a_foreign_uuid_answers_like_a_missing_one() {
        ImServer im = memory();
        String theirs = im.openSession(im.lynx, "ocelot");
        im.post(im.lynx, theirs, "the password is swordfish");
        String mine = im.openSession(im.support, "ocelot");
        long said = im.post(im.support, mine, "swordfish for dinner");

        assertThat(ids(im.im("search", Map.of("query", "swordfish"), im.support))).containsExactly(said);
        JsonNode foreign = im.error("search", Map.of("query", "swordfish", "uuid", theirs), im.support, "uuid");
        JsonNode missing = im.error("search", Map.of("query", "swordfish", "uuid", UUID.randomUUID().toString()),
                im.support, "uuid");
        assertThat(foreign).isEqualTo(missing);
        assertThat(ids(im.im("search", Map.of("query", "swordfish", "uuid", mine), im.support))).containsExactly(said);
    }

    @Test
    void last_id_and_limit_page_back_with_a_default_of_twenty_and_a_cap() {
        // paging needs more hits than a page and the cap: one user posts 210 messages at once, past the default budget
        ImServer im = memory("--user-posts", "210/1m");
        String uuid = im.openSession(im.lynx, "ocelot");
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            posted.add(im.post(im.lynx, uuid, "tick " + i));
        }

        JsonNode first = im.im("search", Map.of("query", "tick"), im.lynx);
        JsonNode next = im.im("search", Map.of("query", "tick", "last_ID", ids(first).get(19), "limit", 5), im.lynx);
        JsonNode capped = im.im("search", Map.of("query", "tick", "limit", 1000), im.lynx);

        assertThat(ids(first)).hasSize(20).first().isEqualTo(posted.get(209));
        assertThat(ids(next)).containsExactly(posted.get(189), posted.get(188), posted.get(187), posted.get(186),
                posted.get(185));
        assertThat(capped).hasSize(200);
    }

    @Test
    void bad_parameters_are_refused_naming_them() {
        ImServer im = memory();
        String uuid = im.openSession(im.lynx, "ocelot");

        im.error("search", Map.of(), im.lynx, "query");
        im.error("search", Map.of("query", ""), im.lynx, "query");
        im.error("search", Map.of("query", "   "), im.lynx, "query");
        im.error("search", Map.of("query", "?!,"), im.lynx, "query");
        im.error("search", Map.of("query", "x".repeat(257)), im.lynx, "query");
        im.error("search", Map.of("query", 42), im.lynx, "query");
        im.error("search", Map.of("query", "a", "limit", 0), im.lynx, "limit");
        im.error("search", Map.of("query", "a", "limit", "ten"), im.lynx, "limit");
        im.error("search", Map.of("query", "a", "last_ID", 0), im.lynx, "last_ID");
        im.error("search", Map.of("query", "a", "last_ID", -3), im.lynx, "last_ID");
        im.error("search", Map.of("query", "a", "uuid", "not-a-uuid"), im.lynx, "uuid");
        im.error("search", Map.of("query", "a", "uuid", 7), im.lynx, "uuid");
        Map<String, Object> nul = new HashMap<>(Map.of("query", "a\u0000b", "uuid", uuid));
        im.error("search", nul, im.lynx, "query");
        assertThat(im.im("search", Map.of("query", "y".repeat(256)), im.lynx)).isEmpty();
    }

    @Test
    void on_h2_posts_are_found_through_its_full_text_index(@TempDir Path data) {
        im = new ImServer(List.of("--storage", "h2", "--data-dir", data.toString(), "--demo"));
        String uuid = im.openSession(im.lynx, "ocelot");
        long first = im.post(im.lynx, uuid, "Deploy the Größe release");
        im.post(im.ocelot, uuid, "deployed?");
        long third = im.post(im.ocelot, uuid, "release größe deploy done");

        assertThat(ids(im.im("search", Map.of("query", "größe DEPLOY"), im.ocelot))).containsExactly(third, first);
        assertThat(im.im("search", Map.of("query", "größe"), im.support)).isEmpty();
    }
}
