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
 * A Chats account is the pair (subject, issuer): subject {@code a} of the issuer {@code b.c} and subject
 * {@code a.b} of the issuer {@code c} both read {@code a.b.c}, and are still two accounts.
 */
class ChatsAccountPairsTest {
    private static final byte[] SECRET = "a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path keys;
    private RunningServer server;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        Path key = Files.writeString(keys.resolve("hmac.jwk.json"), new OctetSequenceKey.Builder(SECRET).build().toJSONString());
        server = RunningServer.start(List.of("--storage", "memory",
                "--chats-tenants", "example.org=a.b.c",
                "--chats-jwt-keys", "b.c=" + key + ";c=" + key, "--chats-jwt-audience", "chat-server"));
        api = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String token(String issuer, String subject) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience("chat-server")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    private static Map<String, String> bearer(String token, String... more) {
        return more.length == 0 ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, more[0], more[1]);
    }

    @Test
    void the_tenant_a_of_b_c_is_not_a_b_of_c_for_keys_nor_for_the_audience_channel() throws Exception {
        String tenant = token("b.c", "a");
        String lookalike = token("c", "a.b");
        ApiClient.Response created = api.postRaw("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"s-1\"}",
                bearer(tenant));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(api.postRaw("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"s-2\"}", bearer(lookalike))
                .status()).as("the lookalike is no tenant").isEqualTo(403);
        String events = "/api/v1/chats/" + created.json().get("id").asText() + "/events";

        assertThat(api.postRaw(events, "{\"type\":\"message\",\"data\":1}", bearer(tenant, "Idempotency-Key", "k-1"))
                .status()).isEqualTo(201);
        assertThat(api.postRaw(events, "{\"type\":\"message\",\"data\":2}", bearer(lookalike, "Idempotency-Key", "k-1"))
                .status()).isEqualTo(201);

        JsonNode stored = api.get(events + "?direction=forward", bearer(tenant)).json().get("events");
        assertThat(stored).as("the lookalike's key is its own: both events are stored").hasSize(2);
        assertThat(stored.get(0).get("data").asInt()).isEqualTo(1);
        assertThat(stored.get(1).get("data").asInt()).isEqualTo(2);

        try (WsClient backend = WsClient.connect(api.baseUrl(), tenant);
             WsClient other = WsClient.connect(api.baseUrl(), lookalike)) {
            backend.subscribe(List.of("audience:example.org"), 0);
            other.send("subscribe", Map.of("channels", List.of("audience:example.org"), "last", 0));
            assertThat(other.awaitEvent("subscribe_refused").get("message").asText())
                    .isEqualTo("you may not subscribe to audience:example.org");
        }
    }
}
