package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.realtime.OpenConnections;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's connections end with the token: signing out closes its WebSockets with 4001 and answers its held
 * polls as unauthenticated, at once (the sign-out tests trust tokens for 10 minutes, so no periodic check could
 * be what closed them); so does its expiry, within the token trust window (1 s in that test).
 */
class SessionEndTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private RunningServer server;
    private ApiClient api;

    private void start(String tokenTrust) {
        server = RunningServer.start(List.of("--storage", "memory", "--demo", "--token-ttl", "1h", "--token-trust", tokenTrust),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(clock);
                    }
                });
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

    private void publish(long user, int n) {
        server.get(NotificationBus.class).publish(Channel.ofUser(UserId.of(user)), SampleEvents.numbered(n));
    }

    private void signOut(String token) {
        assertThat(api.rpc("/web/session/destroy", Map.of(), token).result().get("status").asText()).isEqualTo("success");
    }

    /** A poll of lynx's channel held by the server (nothing newer than {@code last}). */
    private CompletableFuture<ApiClient.Response> heldPoll(String token, long userId, long last) {
        int heldBefore = server.get(OpenConnections.class).heldPollsOf("user:" + userId);
        CompletableFuture<ApiClient.Response> poll = CompletableFuture.supplyAsync(() -> api.rpc("/longpolling/poll",
                Map.of("channels", List.of("user:" + userId), "last", last), token));
        Eventually.await("the poll is held", () -> server.get(OpenConnections.class).heldPollsOf("user:" + userId) > heldBefore);
        return poll;
    }

    private static void assertAnsweredUnauthenticated(ApiClient.Response answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").get("code").asInt()).isEqualTo(100);
        assertThat(answer.json().get("error").get("data").get("message").asText()).contains("sign in again");
    }

    /** Every frame the client got until the server closed it. */
    private static List<JsonNode> framesUntilClosed(WsClient ws) {
        List<JsonNode> frames = new ArrayList<>();
        while (!ws.nothingPending()) {
            frames.add(ws.next());
        }
        return frames;
    }

    @Test
    void signing_out_closes_the_tokens_websocket_with_4001_and_it_receives_nothing_after() {
        start("10m");
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        try (WsClient ws = WsClient.connect(api.baseUrl(), lynx)) {
            ws.subscribe(List.of("user:" + lynxId), 0);
            publish(lynxId, 1);
            assertThat(ws.awaitNotifications(1)).hasSize(1);

            signOut(lynx);
            publish(lynxId, 2);

            assertThat(ws.awaitClose()).isEqualTo(new WsClient.Closed(4001, "session expired: sign in again"));
            assertThat(framesUntilClosed(ws)).noneMatch(JsonNode::isArray);
        }
    }

    @Test
    void signing_out_answers_the_tokens_held_poll_at_once_as_unauthenticated() {
        start("10m");
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        CompletableFuture<ApiClient.Response> held = heldPoll(lynx, lynxId, 0);

        signOut(lynx);

        assertAnsweredUnauthenticated(held.join());
        assertThat(server.get(OpenConnections.class).heldPollsOf("user:" + lynxId)).isZero();
    }

    @Test
    void another_token_of_the_same_user_keeps_its_websocket_and_its_poll() {
        start("10m");
        String leaving = api.signInAs("lynx");
        String staying = api.signInAs("lynx");
        long lynxId = uid(staying);
        try (WsClient gone = WsClient.connect(api.baseUrl(), leaving);
             WsClient kept = WsClient.connect(api.baseUrl(), staying)) {
            gone.subscribe(List.of("user:" + lynxId), 0);
            kept.subscribe(List.of("user:" + lynxId), 0);
            CompletableFuture<ApiClient.Response> keptPoll = heldPoll(staying, lynxId, 0);

            signOut(leaving);
            assertThat(gone.awaitClose().code()).isEqualTo(4001);
            publish(lynxId, 7);

            assertThat(kept.awaitNotifications(1).get(0).get("message").get("message").get("id").asInt()).isEqualTo(7);
            assertThat(keptPoll.join().result().get(0).get("message").get("message").get("id").asInt()).isEqualTo(7);
        }
    }

    @Test
    void a_token_that_expires_closes_its_websocket_and_ends_its_held_poll() {
        start("1s");
        String lynx = api.signInAs("lynx");
        long lynxId = uid(lynx);
        clock.advance(Duration.ofMinutes(30));
        String ocelotLater = api.signInAs("ocelot");
        long ocelotId = uid(ocelotLater);
        try (WsClient expiring = WsClient.connect(api.baseUrl(), lynx);
             WsClient fresh = WsClient.connect(api.baseUrl(), ocelotLater)) {
            expiring.subscribe(List.of("user:" + lynxId), 0);
            fresh.subscribe(List.of("user:" + ocelotId), 0);
            CompletableFuture<ApiClient.Response> held = heldPoll(lynx, lynxId, 0);

            clock.advance(Duration.ofMinutes(31));

            assertThat(expiring.awaitClose().code()).isEqualTo(4001);
            assertAnsweredUnauthenticated(held.join());
            publish(ocelotId, 3);
            assertThat(fresh.awaitNotifications(1)).hasSize(1);
        }
    }
}
