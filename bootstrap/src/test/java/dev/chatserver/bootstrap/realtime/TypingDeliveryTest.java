package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typing is a transient signal: delivered live to the members connected at that moment, over WebSocket and
 * long-poll, under the id of the last notification the connection was given; never kept, so never replayed to
 * a client that resumes, and a flood of it takes nobody's notifications out of the log.
 */
class TypingDeliveryTest {
    private RunningServer server;
    private ApiClient api;

    private void start(String... flags) {
        List<String> all = new ArrayList<>(List.of("--storage", "memory", "--demo"));
        all.addAll(List.of(flags));
        server = RunningServer.start(all);
        api = server.client();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private String sessionWith(String token, long other) {
        return api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", other), token).result().get("uuid").asText();
    }

    private JsonNode post(String token, String uuid, String type, String content) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", type, "message_content", content), token)
                .result();
    }

    private JsonNode poll(String token, String channel, long last) {
        return api.rpc("/longpolling/poll", Map.of("channels", List.of(channel), "last", last), token).result();
    }

    private static long lastId(JsonNode notifications) {
        return notifications.get(notifications.size() - 1).get("id").asLong();
    }

    /** Every notification up to the batch that has one mentioning {@code text}, which ends the list. */
    private static List<JsonNode> untilMentioning(WsClient ws, String text) {
        List<JsonNode> read = new ArrayList<>();
        while (read.isEmpty() || !read.get(read.size() - 1).toString().contains(text)) {
            read.addAll(ws.awaitNotifications(1));
        }
        return read;
    }

    @Test
    void typing_reaches_a_connected_member_live_under_the_last_id_it_saw_and_is_never_replayed() {
        start();
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long ocelotId = uid(ocelot);
        String channel = "user:" + ocelotId;
        String uuid = sessionWith(lynx, ocelotId);
        long before = lastId(poll(ocelot, channel, 0));

        try (WsClient ws = WsClient.connect(api.baseUrl(), ocelot)) {
            ws.subscribe(List.of(channel), before);
            post(lynx, uuid, "message", "a kept message");
            List<JsonNode> kept = untilMentioning(ws, "a kept message");
            post(lynx, uuid, "typing", "lynx is typing");
            kept.addAll(untilMentioning(ws, "lynx is typing"));
            JsonNode typing = kept.remove(kept.size() - 1);
            long seen = kept.get(kept.size() - 1).get("id").asLong();

            assertThat(typing.get("channel").asText()).isEqualTo(channel);
            assertThat(typing.get("message").get("message").get("type").asText()).isEqualTo("typing");
            assertThat(typing.get("id").asLong()).as("the id of the last notification the socket was given").isEqualTo(seen);
            assertThat(typing.get("transient").asBoolean()).isTrue();
            assertThat(kept).allSatisfy(notification -> assertThat(notification.has("transient")).isFalse());
        }

        JsonNode resumed = poll(ocelot, channel, before);
        assertThat(resumed.toString()).contains("a kept message").doesNotContain("lynx is typing");
        try (WsClient again = WsClient.connect(api.baseUrl(), ocelot)) {
            again.subscribe(List.of(channel), before);
            post(lynx, uuid, "message", "after the typing");
            List<JsonNode> caughtUp = new ArrayList<>();
            while (!caughtUp.toString().contains("after the typing")) {
                caughtUp.addAll(again.awaitNotifications(1));
            }
            assertThat(caughtUp.toString()).contains("a kept message").doesNotContain("lynx is typing");
        }
    }

    @Test
    void a_held_long_poll_is_answered_with_typing_and_polls_on_from_the_same_id() {
        start();
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long ocelotId = uid(ocelot);
        String channel = "user:" + ocelotId;
        String uuid = sessionWith(lynx, ocelotId);
        long last = lastId(poll(ocelot, channel, 0));
        CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() -> poll(ocelot, channel, last));
        Eventually.await("the poll is held", () -> server.get(OpenConnections.class).heldPollsOf(channel) == 1);

        post(lynx, uuid, "typing", "lynx is typing");

        JsonNode answered = held.join();
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).get("id").asLong()).as("the poll's own last id: resuming from it misses nothing").isEqualTo(last);
        assertThat(answered.get(0).get("message").get("message").get("type").asText()).isEqualTo("typing");
        post(lynx, uuid, "message", "a kept message");
        assertThat(poll(ocelot, channel, last).toString()).contains("a kept message").doesNotContain("lynx is typing");
    }

    @Test
    void a_flood_of_typing_by_one_user_expires_no_other_users_resume() {
        // budgets off: this is about the log, and the typing budget would refuse most of the flood first
        start("--bus-retention-count", "20", "--user-budgets", "off");
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        String support = api.signInAs("support");
        long ocelotId = uid(ocelot);
        long lynxId = uid(lynx);
        String ocelotChannel = "user:" + ocelotId;
        String withOcelot = sessionWith(lynx, ocelotId);
        String withLynx = sessionWith(support, lynxId);
        post(lynx, withOcelot, "message", "before the flood");
        long ocelotLast = lastId(poll(ocelot, ocelotChannel, 0));

        for (int i = 0; i < 200; i++) {
            // typed into both sessions: lynx's channel and ocelot's each get 100 signals, more than the log keeps
            post(i % 2 == 0 ? support : lynx, i % 2 == 0 ? withLynx : withOcelot, "typing", "t");
        }
        post(lynx, withOcelot, "message", "after the flood");

        ApiClient.Response resumed = api.rpc("/longpolling/poll",
                Map.of("channels", List.of(ocelotChannel), "last", ocelotLast), ocelot);
        assertThat(resumed.error()).as("not refused as expired: " + resumed.raw().body()).isNull();
        assertThat(resumed.result().toString()).contains("after the flood").doesNotContain("\"t\"");
    }
}
