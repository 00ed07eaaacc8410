package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** IM messages and presence pushed to real clients of the real server. */
class ImDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private long lynxId;
    private long ocelotId;

    @BeforeEach
    void start() {
        server = RunningServer.inMemory(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        lynxId = uid(lynx);
        ocelotId = uid(ocelot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private long lastIdOn(String token, String channel) {
        JsonNode recent = api.rpc("/longpolling/poll", Map.of("channels", List.of(channel), "last", 0), token).result();
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).get("id").asLong();
    }

    @Test
    void a_message_posted_by_one_user_reaches_the_other_users_websocket_and_long_poll() {
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();
        long last = lastIdOn(ocelot, "user:" + ocelotId);

        try (WsClient ws = WsClient.connect(api.baseUrl(), ocelot)) {
            ws.subscribe(List.of("user:" + ocelotId), last);
            CompletableFuture<ApiClient.Response> poll = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll",
                    Map.of("channels", List.of("user:" + ocelotId), "last", last), ocelot));

            JsonNode posted = api.rpc("/im_chat/post",
                    Map.of("uuid", uuid, "message_type", "message", "message_content", "hello ocelot"), lynx).result();

            JsonNode pushed = ws.awaitNotifications(1).get(0);
            assertThat(pushed.get("channel").asText()).isEqualTo("user:" + ocelotId);
            assertThat(pushed.get("message").get("type").asText()).isEqualTo("im_chat.message");
            assertThat(pushed.get("message").get("session").asText()).isEqualTo(uuid);
            assertThat(pushed.get("message").get("message").get("id").asLong()).isEqualTo(posted.get("message_id").asLong());
            assertThat(pushed.get("message").get("message").get("message").asText()).isEqualTo("hello ocelot");

            JsonNode polled = poll.join().result();
            assertThat(polled.isArray()).isTrue();
            assertThat(polled.get(0).get("id").asLong()).isEqualTo(pushed.get("id").asLong());
            assertThat(polled.get(0).get("message")).isEqualTo(pushed.get("message"));
        }
    }

    @Test
    void presence_goes_online_away_and_offline_as_the_clock_moves_and_every_route_shows_it() {
        api.rpc("/im_chat/api/user_chat_ab/add_users", Map.of("user_ids", List.of(lynxId)), ocelot);

        try (WsClient watcher = WsClient.connect(api.baseUrl(), ocelot)) {
            watcher.subscribe(List.of("presence:" + lynxId), 0);
            assertThat(statusInBook()).isEqualTo("offline");

            WsClient lynxSocket = WsClient.connect(api.baseUrl(), lynx);
            assertThat(presence(watcher)).isEqualTo("online");
            assertThat(statusInBook()).isEqualTo("online");

            clock.advance(Duration.ofMinutes(9));
            server.get(TrackPresence.class).sweep();
            assertThat(statusInBook()).isEqualTo("online");
            clock.advance(Duration.ofMinutes(1));
            server.get(TrackPresence.class).sweep();
            assertThat(presence(watcher)).isEqualTo("away");
            assertThat(statusInBook()).isEqualTo("away");

            lynxSocket.send("update_presence", Map.of("inactivity_period", 0));
            assertThat(presence(watcher)).isEqualTo("online");

            lynxSocket.close();
            assertThat(presence(watcher)).isEqualTo("offline");
            assertThat(statusInBook()).isEqualTo("offline");

            CompletableFuture.runAsync(() -> api.rpc("/longpolling/poll",
                    Map.of("channels", List.of("user:" + lynxId), "last", 0), lynx));
            assertThat(presence(watcher)).as("a poll counts as a connection for a minute").isEqualTo("online");
            clock.advance(Duration.ofSeconds(61));
            server.get(TrackPresence.class).sweep();
            assertThat(presence(watcher)).isEqualTo("offline");
        }
    }

    @Test
    void only_acquaintances_may_follow_a_users_presence() {
        String support = api.signInAs("support");

        try (WsClient stranger = WsClient.connect(api.baseUrl(), support)) {
            stranger.send("subscribe", Map.of("channels", List.of("presence:" + lynxId), "last", 0));
            assertThat(stranger.awaitEvent("subscribe_refused").get("message").asText())
                    .isEqualTo("you may not subscribe to presence:" + lynxId);

            api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", lynxId), support);
            stranger.subscribe(List.of("presence:" + lynxId), 0);
        }
    }

    private static String presence(WsClient watcher) {
        JsonNode message = watcher.awaitNotifications(1).get(0).get("message");
        assertThat(message.get("type").asText()).isEqualTo("im_status");
        return message.get("im_status").asText();
    }

    private String statusInBook() {
        JsonNode book = api.rpc("/im_chat/api/user_chat_ab/get_users_from_book", Map.of(), ocelot).result();
        for (JsonNode user : book) {
            if (user.get("id").asLong() == lynxId) {
                return user.get("im_status").asText();
            }
        }
        throw new AssertionError("lynx is not in ocelot's book: " + book);
    }
}
