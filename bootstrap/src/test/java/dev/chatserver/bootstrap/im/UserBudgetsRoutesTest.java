package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user budgets of the IM API against the real server, with small budgets set by flags and a clock the test
 * moves: past a budget a call is answered 429 with Retry-After and the budget's name, nothing is done, and
 * another user (or another budget of the same user) is not touched.
 */
class UserBudgetsRoutesTest {
    private final MutableClock clock = new MutableClock(Instant.now());
    private ImServer im;

    @AfterEach
    void stop() {
        if (im != null) {
            im.close();
        }
    }

    private ImServer start(String... flags) {
        List<String> all = new ArrayList<>(List.of("--storage", "memory", "--demo"));
        all.addAll(List.of(flags));
        im = new ImServer(all, clock);
        return im;
    }

    private ApiClient.Response post(String token, String uuid, String type, String text) {
        return im.api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", type, "message_content", text), token);
    }

    private ApiClient.Response react(String token, long messageId, String emoji) {
        return im.api.rpc("/im_chat/api/react", Map.of("message_id", messageId, "emoji", emoji), token);
    }

    private ApiClient.Response open(String token, String with, int document) {
        return im.api.rpc("/im_chat/api/get_or_create_session",
                Map.of("user_to", im.id(with), "doc_id", document, "doc_model", "res.partner"), token);
    }

    /** A 429 in the JSON-RPC error shape naming the budget; the seconds it says to wait. */
    private static long refused(ApiClient.Response response, String budget) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(429);
        JsonNode error = response.error();
        assertThat(error.get("code").asInt()).isEqualTo(429);
        assertThat(error.get("data").get("name").asText()).isEqualTo("too_many_requests");
        assertThat(error.get("data").get("budget").asText()).isEqualTo(budget);
        long seconds = Long.parseLong(response.header("Retry-After"));
        assertThat(error.get("data").get("retry_after").asLong()).isEqualTo(seconds);
        return seconds;
    }

    @Test
    void the_fourth_post_within_the_hour_is_refused_until_a_token_is_back_and_other_users_still_post() {
        start("--user-posts", "3/1h");
        String uuid = im.openSession(im.lynx, "ocelot");
        for (int i = 1; i <= 3; i++) {
            assertThat(post(im.lynx, uuid, "message", "post " + i).result().get("message_id").asLong()).isPositive();
        }

        ApiClient.Response fourth = post(im.lynx, uuid, "message", "post 4");

        assertThat(refused(fourth, "posts")).as("one token every 20 minutes").isEqualTo(Duration.ofMinutes(20).toSeconds());
        assertThat(im.im("history", Map.of("uuid", uuid), im.ocelot)).hasSize(3);
        assertThat(post(im.ocelot, uuid, "message", "mine").status()).isEqualTo(200);
        assertThat(post(im.lynx, uuid, "typing", "typing").status()).as("typing has a budget of its own").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15));
        assertThat(refused(post(im.lynx, uuid, "message", "too soon"), "posts")).isEqualTo(Duration.ofMinutes(5).toSeconds());
        clock.advance(Duration.ofMinutes(5));
        assertThat(post(im.lynx, uuid, "message", "post 5").status()).isEqualTo(200);
        refused(post(im.lynx, uuid, "message", "post 6"), "posts");
    }

    @Test
    void typing_signals_have_their_own_budget() {
        start("--user-typing", "2/1m");
        String uuid = im.openSession(im.lynx, "ocelot");
        assertThat(post(im.lynx, uuid, "typing", "typing").status()).isEqualTo(200);
        assertThat(post(im.lynx, uuid, "typing", "typing").status()).isEqualTo(200);

        assertThat(refused(post(im.lynx, uuid, "typing", "typing"), "typing")).isEqualTo(30);
        assertThat(post(im.lynx, uuid, "message", "still posting").status()).isEqualTo(200);
        assertThat(post(im.ocelot, uuid, "typing", "typing").status()).isEqualTo(200);
    }

    @Test
    void only_creating_a_session_spends_from_the_budget_of_new_sessions() {
        start("--user-new-sessions", "2/1h");
        String first = open(im.lynx, "ocelot", 1).result().get("uuid").asText();
        assertThat(open(im.lynx, "ocelot", 2).status()).isEqualTo(200);

        refused(open(im.lynx, "ocelot", 3), "new_sessions");
        assertThat(open(im.lynx, "ocelot", 1).result().get("uuid").asText())
                .as("opening one that exists is free, also with the budget spent").isEqualTo(first);
        ApiClient.Response odoo8 = im.api.rpc("/web/dataset/call_kw", Map.of("model", "im_chat.session",
                "method", "session_get", "args", List.of(im.id("support")), "kwargs", Map.of()), im.lynx);
        refused(odoo8, "new_sessions");
        assertThat(open(im.ocelot, "lynx", 3).status()).as("ocelot's own budget").isEqualTo(200);
        assertThat(im.im("get_sessions", Map.of(), im.lynx)).hasSize(3);
    }

    @Test
    void reopening_an_existing_session_with_units_left_gives_its_unit_back() {
        start("--user-new-sessions", "2/1h");
        open(im.lynx, "ocelot", 1);
        for (int i = 0; i < 3; i++) {
            assertThat(open(im.lynx, "ocelot", 1).status()).isEqualTo(200);
        }

        assertThat(open(im.lynx, "ocelot", 2).status()).as("the second unit is still there").isEqualTo(200);
        refused(open(im.lynx, "ocelot", 3), "new_sessions");
    }

    @Test
    void reactions_are_a_budget_and_distinct_reactions_per_message_a_cap_that_taking_one_back_lifts() {
        start("--user-reactions", "5/1h", "--reactions-per-message", "2");
        String uuid = im.openSession(im.lynx, "ocelot");
        long message = im.post(im.ocelot, uuid, "react to me");
        assertThat(react(im.lynx, message, "a").result().get("reacted").asBoolean()).isTrue();
        assertThat(react(im.lynx, message, "b").result().get("reacted").asBoolean()).isTrue();

        JsonNode capped = react(im.lynx, message, "c").result();
        assertThat(capped.get("status").asText()).isEqualTo("error");
        assertThat(capped.get("message").asText()).contains("2 different reactions");
        assertThat(react(im.ocelot, message, "c").result().get("reacted").asBoolean()).as("the cap is per user").isTrue();
        assertThat(react(im.lynx, message, "a").result().get("reacted").asBoolean()).isFalse();
        assertThat(react(im.lynx, message, "c").result().get("reacted").asBoolean()).isTrue();

        refused(react(im.lynx, message, "d"), "reactions");
        JsonNode shown = im.im("history", Map.of("uuid", uuid), im.ocelot).get(0).get("reactions");
        assertThat(shown).hasSize(2);
    }

    @Test
    void other_writes_share_one_budget() {
        start("--user-writes", "3/1h");
        String uuid = im.openSession(im.lynx, "ocelot");
        long message = im.post(im.ocelot, uuid, "read me");
        assertThat(im.im("update_state", Map.of("uuid", uuid, "state", "folded"), im.lynx).get("status").asText())
                .isEqualTo("success");
        assertThat(im.api.rpc("/im_chat/api/mark_read", Map.of("uuid", uuid, "message_id", message), im.lynx).status())
                .isEqualTo(200);
        assertThat(im.im("edit_message", Map.of("message_id", message, "message_content", "edited"), im.ocelot)
                .get("status").asText()).isEqualTo("success");
        assertThat(im.im("update_state", Map.of("uuid", uuid, "state", "open"), im.lynx).get("status").asText())
                .isEqualTo("success");

        refused(im.api.rpc("/im_chat/api/update_state", Map.of("uuid", uuid, "state", "closed"), im.lynx), "writes");
        refused(im.api.rpc("/im_chat/api/user_chat_ab/add_users", Map.of("user_ids", List.of(im.id("support"))), im.lynx), "writes");
    }

    @Test
    void off_lifts_every_budget_and_the_reaction_cap() {
        start("--user-posts", "1/1h", "--user-reactions", "1/1h", "--reactions-per-message", "1",
                "--user-new-sessions", "1/1h", "--user-budgets", "off");
        String uuid = im.openSession(im.lynx, "ocelot");
        for (int i = 0; i < 5; i++) {
            assertThat(post(im.lynx, uuid, "message", "free " + i).status()).isEqualTo(200);
        }
        long message = im.post(im.ocelot, uuid, "react");
        assertThat(react(im.lynx, message, "a").result().get("reacted").asBoolean()).isTrue();
        assertThat(react(im.lynx, message, "b").result().get("reacted").asBoolean()).isTrue();
        assertThat(open(im.lynx, "ocelot", 7).status()).isEqualTo(200);
    }
}
