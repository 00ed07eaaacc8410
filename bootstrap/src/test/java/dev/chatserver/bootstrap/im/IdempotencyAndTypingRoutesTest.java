package dev.chatserver.bootstrap.im;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.chats.ChatsServer;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code client_id} on /im_chat/post, typing signals, and {@code Idempotency-Key} on chat events, over HTTP. */
class IdempotencyAndTypingRoutesTest {
    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private String pangolin;
    private long ocelotId;
    private String uuid;

    @BeforeEach
    void start() {
        server = RunningServer.inMemory();
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        pangolin = api.signInAs("support");
        ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
        uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode post(String token, String type, String content, Object clientId) {
        Map<String, Object> params = new HashMap<>(Map.of("uuid", uuid, "message_type", type, "message_content", content));
        if (clientId != null) {
            params.put("client_id", clientId);
        }
        return api.rpc("/im_chat/post", params, token).result();
    }

    private JsonNode history() {
        return api.rpc("/im_chat/api/history", Map.of("uuid", uuid), ocelot).result();
    }

    private long lastIdOn(String token, String channel) {
        JsonNode recent = api.rpc("/longpolling/poll", Map.of("channels", List.of(channel), "last", 0), token).result();
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).get("id").asLong();
    }

    @Test
    void a_post_retried_with_its_client_id_answers_the_first_message_id_and_stores_one() {
        long first = post(lynx, "message", "hello", "3f1c-retry").get("message_id").asLong();
        long again = post(lynx, "message", "hello", "3f1c-retry").get("message_id").asLong();
        long other = post(lynx, "message", "hello", "another").get("message_id").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        List<Long> ids = new java.util.ArrayList<>();
        history().forEach(m -> ids.add(m.get("id").asLong()));
        assertThat(ids).containsExactly(other, first);
    }

    @Test
    void a_bad_client_id_is_refused_naming_it_and_stores_nothing() {
        for (Object bad : List.of("", "x".repeat(65), 42, "a\u0000b")) {
            JsonNode refused = post(lynx, "message", "hello", bad);
            assertThat(refused.path("status").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("field").asText()).isEqualTo("client_id");
        }
        assertThat(history()).isEmpty();
    }

    private void awaitHeldPoll(String channel) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (server.get(dev.chatserver.application.realtime.OpenConnections.class).heldPollsOf(channel) == 0) {
            assertThat(System.nanoTime()).as("the poll is held").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Test
    void typing_reaches_the_other_member_live_without_an_id_and_never_enters_history() {
        String channel = "user:" + ocelotId;
        long last = lastIdOn(ocelot, channel);
        CompletableFuture<ApiClient.Response> poll = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll",
                Map.of("channels", List.of(channel), "last", last), ocelot));
        // typing is never kept: only a poll held when it is sent hears it
        awaitHeldPoll(channel);

        JsonNode answer = post(lynx, "typing", "...", null);

        assertThat(answer).isEqualTo(ApiClient.mapper().createObjectNode().put("status", "success"));
        JsonNode polled = poll.join().result();
        assertThat(polled).hasSize(1);
        JsonNode pushed = polled.get(0).get("message");
        assertThat(pushed.get("type").asText()).isEqualTo("im_chat.message");
        assertThat(pushed.get("session").asText()).isEqualTo(uuid);
        assertThat(pushed.get("message").get("id").isNull()).isTrue();
        assertThat(pushed.get("message").get("type").asText()).isEqualTo("typing");
        assertThat(pushed.get("message").get("from_id").get(1).asText()).isEqualTo("Lucid Lynx");
        assertThat(history()).isEmpty();
        JsonNode session = api.rpc("/im_chat/api/get_sessions", Map.of(), ocelot).result().get(0);
        assertThat(session.get("is_read").asBoolean()).as("typing unreads nothing").isTrue();
    }

    @Test
    void a_non_member_cannot_type_into_a_session() {
        JsonNode refused = post(pangolin, "typing", "...", null);

        assertThat(refused.path("status").asText()).isEqualTo("error");
        assertThat(refused.path("field").asText()).isEqualTo("uuid");
    }

    @Test
    void a_chat_event_retried_with_its_idempotency_key_is_appended_once() {
        try (ChatsServer chats = ChatsServer.inMemory()) {
            String tenant = chats.signIn("support");
            String caller = chats.signIn("lynx");
            String chatId = chats.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"course-42\"}", tenant)
                    .json().get("id").asText();
            String path = "/api/v1/chats/" + chatId + "/events";
            String body = "{\"type\":\"message\",\"data\":{\"text\":\"hi\"}}";

            for (int i = 0; i < 3; i++) {
                ApiClient.Response posted = chats.client().postRaw(path, body,
                        Map.of("Authorization", "Bearer " + caller, "Content-Type", "application/json",
                                "Idempotency-Key", "order-17"));
                assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
            }
            ApiClient.Response refused = chats.client().postRaw(path, body, Map.of("Authorization", "Bearer " + caller,
                    "Content-Type", "application/json", "Idempotency-Key", "k".repeat(65)));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("Idempotency-Key");
            assertThat(chats.get(path, caller).json().get("events")).hasSize(1);
        }
    }
}
