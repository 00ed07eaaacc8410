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

/** Chats events pushed to real clients: the room's subscribers, the audience's tenant, transient events. */
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
}
