package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chats events pushed to real clients: the room's subscribers, the audience's tenant, transient events; a ban ends
 * the banned account's listening to the room at once.
 */
class ChatsDeliveryTest {
    private static final String ISSUER = "hmac.example.org";
    private static final byte[] SECRET = "a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path keys;
    private RunningServer server;
    private ApiClient api;
    private String tenant;
    private String lynx;
    private String ocelot;

    @BeforeEach
    void start() throws Exception {
        Path key = Files.writeString(keys.resolve("hmac.jwk.json"), new OctetSequenceKey.Builder(SECRET).build().toJSONString());
        server = RunningServer.start(List.of("--storage", "memory", "--demo",
                "--chats-tenants", "example.org=support.usr.localhost,backend." + ISSUER,
                "--chats-jwt-keys", ISSUER + "=" + key, "--chats-jwt-audience", "chat-server"));
        api = server.client();
        tenant = api.signInAs("support");
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The JWT a tenant's backend presents: subject {@code backend} of the issuer, i.e. account backend.hmac.example.org. */
    private static String backendToken() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("backend").audience("chat-server")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private JsonNode createChat(String scope) {
        ApiClient.Response created = api.postRaw("/api/v1/chats",
                "{\"audience\":\"example.org\",\"scope\":\"" + scope + "\"}", bearer(tenant));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    private void postEvent(String chatId, String body, String token) {
        ApiClient.Response posted = api.postRaw("/api/v1/chats/" + chatId + "/events", body, bearer(token));
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
    }

    @Test
    void a_chat_event_reaches_every_subscriber_of_its_room_with_its_data_as_json() {
        JsonNode chat = createChat("course-1");
        String room = "room:" + chat.get("real_time").get("event_room_id").asText();

        try (WsClient first = WsClient.connect(api.baseUrl(), lynx);
             WsClient second = WsClient.connect(api.baseUrl(), ocelot)) {
            first.subscribe(List.of(room), 0);
            second.subscribe(List.of(room), 0);

            postEvent(chat.get("id").asText(), "{\"type\":\"message\",\"data\":{\"text\":\"hi\",\"n\":[1,2]}}", lynx);

            for (WsClient subscriber : List.of(first, second)) {
                JsonNode notification = subscriber.awaitNotifications(1).get(0);
                assertThat(notification.get("channel").asText()).isEqualTo(room);
                JsonNode event = notification.get("message").get("event");
                assertThat(event.get("type").asText()).isEqualTo("message");
                assertThat(event.get("data").get("text").asText()).isEqualTo("hi");
                assertThat(event.get("data").get("n").isArray()).isTrue();
                assertThat(event.get("created_by").asText()).isEqualTo("lynx.usr.localhost");
            }
        }
    }

    @Test
    void a_claim_reaches_the_tenant_of_the_audience_and_nobody_else_may_listen_there() throws Exception {
        JsonNode chat = createChat("course-2");

        try (WsClient backend = WsClient.connect(api.baseUrl(), backendToken());
             WsClient supportUser = WsClient.connect(api.baseUrl(), tenant);
             WsClient outsider = WsClient.connect(api.baseUrl(), lynx)) {
            backend.subscribe(List.of("audience:example.org"), 0);
            supportUser.subscribe(List.of("audience:example.org"), 0);
            outsider.send("subscribe", Map.of("channels", List.of("audience:example.org"), "last", 0));
            assertThat(outsider.awaitEvent("subscribe_refused").get("message").asText())
                    .isEqualTo("you may not subscribe to audience:example.org");

            postEvent(chat.get("id").asText(), "{\"type\":\"note\",\"data\":{}}", lynx);
            postEvent(chat.get("id").asText(), "{\"type\":\"help\",\"data\":{\"why\":\"stuck\"},\"is_claim\":true}", lynx);

            for (WsClient tenantSide : List.of(backend, supportUser)) {
                JsonNode claim = tenantSide.awaitNotifications(1).get(0);
                assertThat(claim.get("channel").asText()).isEqualTo("audience:example.org");
                assertThat(claim.get("message").get("event").get("type").asText()).isEqualTo("help");
            }
            JsonNode polled = api.postRaw("/longpolling/poll", "{\"channels\":[\"audience:example.org\"],\"last\":0}",
                    bearer(backendToken())).json().get("result");
            assertThat(polled).hasSize(1);
        }
    }

    @Test
    void a_transient_event_reaches_the_subscribers_and_is_absent_from_the_event_list() {
        JsonNode chat = createChat("course-3");
        String chatId = chat.get("id").asText();
        String room = "room:" + chat.get("real_time").get("event_room_id").asText();

        try (WsClient subscriber = WsClient.connect(api.baseUrl(), ocelot)) {
            subscriber.subscribe(List.of(room), 0);
            postEvent(chatId, "{\"type\":\"typing\",\"data\":{\"who\":\"lynx\"},\"is_persistent\":false}", lynx);
            postEvent(chatId, "{\"type\":\"message\",\"data\":{\"text\":\"kept\"}}", lynx);

            List<JsonNode> pushed = subscriber.awaitNotifications(2);
            assertThat(pushed).extracting(n -> n.get("message").get("event").get("type").asText())
                    .containsExactly("typing", "message");
        }
        ApiClient.Response listed = api.get("/api/v1/chats/" + chatId + "/events", bearer(lynx));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw().body()).contains("kept").doesNotContain("typing");
    }

    @Test
    void the_banned_subscriber_is_told_and_hears_nothing_more_of_the_room_while_the_others_go_on() {
        JsonNode banning = createChat("banning-1");
        JsonNode other = createChat("banning-2");
        String room = roomChannelOf(banning);

        try (WsClient banned = WsClient.connect(api.baseUrl(), lynx);
             WsClient bystander = WsClient.connect(api.baseUrl(), ocelot)) {
            banned.subscribe(List.of(room, roomChannelOf(other)), 0);
            bystander.subscribe(List.of(room), 0);

            ApiClient.Response ban = api.postRaw("/api/v1/rooms/" + banning.get("real_time").get("event_room_id").asText()
                    + "/bans", "{\"account_id\":\"lynx.usr.localhost\",\"reason\":\"flooding\"}", bearer(tenant));
            assertThat(ban.status()).as(ban.raw().body()).isEqualTo(201);

            for (WsClient client : List.of(banned, bystander)) {
                JsonNode told = client.awaitNotifications(1).get(0);
                assertThat(told.get("channel").asText()).isEqualTo(room);
                assertThat(told.get("message").get("type").asText()).isEqualTo("chats.ban");
                assertThat(told.get("message").get("account_id").asText()).isEqualTo("lynx.usr.localhost");
                assertThat(told.get("message").get("banned").asBoolean()).isTrue();
                assertThat(told.get("message").get("reason").asText()).isEqualTo("flooding");
            }

            postEvent(banning.get("id").asText(), "{\"type\":\"after-the-ban\",\"data\":{}}", ocelot);
            postEvent(other.get("id").asText(), "{\"type\":\"elsewhere\",\"data\":{}}", ocelot);

            assertThat(bystander.awaitNotifications(1).get(0).get("message").get("event").get("type").asText())
                    .isEqualTo("after-the-ban");
            JsonNode next = banned.awaitNotifications(1).get(0);
            assertThat(next.get("channel").asText()).as("the banned room's event never reaches it").isEqualTo(roomChannelOf(other));
            assertThat(next.get("message").get("event").get("type").asText()).isEqualTo("elsewhere");

            banned.send("subscribe", Map.of("channels", List.of(room), "last", 0));
            assertThat(banned.awaitEvent("subscribe_refused").get("message").asText())
                    .startsWith("you are banned from the room");
        }
        ApiClient.Response poll = api.postRaw("/longpolling/poll", "{\"channels\":[\"" + room + "\"],\"last\":0}",
                bearer(lynx));
        assertThat(poll.json().get("error").toString()).contains("you are banned from the room");
    }

    @Test
    void once_the_ban_is_lifted_the_account_subscribes_again_and_hears_the_room() {
        JsonNode chat = createChat("banning-3");
        String roomId = chat.get("real_time").get("event_room_id").asText();
        assertThat(api.postRaw("/api/v1/rooms/" + roomId + "/bans", "{\"account_id\":\"lynx.usr.localhost\"}",
                bearer(tenant)).status()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/v1/rooms/" + roomId + "/bans/lynx.usr.localhost", null, tenant).status())
                .isEqualTo(204);

        try (WsClient lifted = WsClient.connect(api.baseUrl(), lynx)) {
            // the recent past holds the ban: told before the subscription, it does not end it
            lifted.subscribe(List.of(roomChannelOf(chat)), 0);
            postEvent(chat.get("id").asText(), "{\"type\":\"welcome-back\",\"data\":{}}", ocelot);

            List<JsonNode> heard = lifted.awaitNotifications(3);
            assertThat(heard).extracting(n -> n.get("message").get("type").asText())
                    .containsExactly("chats.ban", "chats.ban", "chats.event");
            assertThat(heard).extracting(n -> n.get("message").path("banned").asText()).containsExactly("true", "false", "");
            assertThat(heard.get(2).get("message").get("event").get("type").asText()).isEqualTo("welcome-back");
        }
    }

    private static String roomChannelOf(JsonNode chat) {
        return "room:" + chat.get("real_time").get("event_room_id").asText();
    }
}
