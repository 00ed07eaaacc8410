package dev.chatserver.bootstrap.chats;

import dev.chatserver.bootstrap.kit.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.chatserver.bootstrap.chats.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenants' backends call with JWTs: signed by their issuer's key, unexpired, for this server's audience. */
class TenantTokensTest {
    private static final Instant IN_AN_HOUR = Instant.now().plus(Duration.ofHours(1));
    private final ChatsServer server = ChatsServer.inMemory();

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Response createAs(String token) {
        return server.post("/api/v1/chats", "{\"audience\":\"example.org\",\"scope\":\"course-42\"}", token);
    }

    /** A JWT with {@code "alg":"none"} and no signature. */
    private static String unsigned(String claims) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void a_backend_with_a_valid_token_of_a_tenant_account_creates_chats() {
        String backend = ChatsServer.rsaToken("backend", ChatsServer.JWT_AUDIENCE, IN_AN_HOUR);

        ApiClient.Response created = createAs(backend);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String chatId = created.json().get("id").asText();
        assertThat(server.post("/api/v1/chats/" + chatId + "/events", "{\"type\":\"t\",\"data\":1}", backend).status())
                .isEqualTo(201);
        assertThat(server.get("/api/v1/chats/" + chatId + "/events", backend).json().get("events").get(0)
                .get("created_by").asText()).isEqualTo("backend.svc.example.org");
    }

    @Test
    void a_valid_token_of_an_account_that_is_no_tenant_reads_but_does_not_create() {
        String other = ChatsServer.hmacToken(ChatsServer.HMAC_ISSUER, "worker", IN_AN_HOUR);

        assertProblem(createAs(other), 403, "access_denied");
        String chatId = createAs(ChatsServer.rsaToken("backend", ChatsServer.JWT_AUDIENCE, IN_AN_HOUR)).json().get("id").asText();
        assertThat(server.get("/api/v1/chats/" + chatId, other).status()).isEqualTo(200);
    }

    @Test
    void expired_foreign_forged_and_misdirected_tokens_are_unauthorized() {
        assertProblem(createAs(ChatsServer.rsaToken("backend", ChatsServer.JWT_AUDIENCE, Instant.now().minus(Duration.ofHours(1)))),
                401, "unauthorized");
        assertProblem(createAs(ChatsServer.rsaToken("backend", "someone-else", IN_AN_HOUR)), 401, "unauthorized");
        assertProblem(createAs(ChatsServer.forgedToken()), 401, "unauthorized");
        assertProblem(createAs(ChatsServer.hmacToken("unknown.example.org", "backend", IN_AN_HOUR)), 401, "unauthorized");
        assertProblem(createAs(ChatsServer.hmacToken(ChatsServer.RSA_ISSUER, "backend", IN_AN_HOUR)), 401, "unauthorized");
        assertProblem(createAs("a.b.c"), 401, "unauthorized");
        assertProblem(createAs(unsigned("{\"iss\":\"svc.example.org\",\"sub\":\"backend\",\"aud\":\""
                + ChatsServer.JWT_AUDIENCE + "\",\"exp\":" + IN_AN_HOUR.getEpochSecond() + "}")), 401, "unauthorized");
        assertProblem(server.get("/api/v1/audiences/example.org/chats/course-42", server.signIn("support")), 404, "chat_not_found");
    }

    @Test
    void every_refused_token_answers_the_very_same_bytes_whatever_was_wrong_with_it() {
        java.util.Map<String, String> refusedTokens = new java.util.LinkedHashMap<>();
        refusedTokens.put("expired", ChatsServer.rsaToken("backend", ChatsServer.JWT_AUDIENCE,
                Instant.now().minus(Duration.ofHours(1))));
        refusedTokens.put("another audience", ChatsServer.rsaToken("backend", "someone-else", IN_AN_HOUR));
        refusedTokens.put("a forged signature", ChatsServer.forgedToken());
        refusedTokens.put("an unknown issuer", ChatsServer.hmacToken("unknown.example.org", "backend", IN_AN_HOUR));
        refusedTokens.put("a key of another type", ChatsServer.hmacToken(ChatsServer.RSA_ISSUER, "backend", IN_AN_HOUR));
        refusedTokens.put("a subject that is no label", ChatsServer.hmacToken(ChatsServer.HMAC_ISSUER, " ", IN_AN_HOUR));
        refusedTokens.put("malformed", "a.b.c");
        refusedTokens.put("unsigned", unsigned("{\"iss\":\"svc.example.org\",\"sub\":\"backend\",\"aud\":\""
                + ChatsServer.JWT_AUDIENCE + "\",\"exp\":" + IN_AN_HOUR.getEpochSecond() + "}"));

        java.util.Map<String, String> bodies = new java.util.LinkedHashMap<>();
        refusedTokens.forEach((why, token) -> {
            ApiClient.Response refused = createAs(token);
            assertThat(refused.status()).as(why).isEqualTo(401);
            bodies.put(why, refused.raw().body());
        });

        String first = bodies.values().iterator().next();
        assertThat(bodies).allSatisfy((why, body) -> assertThat(body).as(why).isEqualTo(first));
        assertThat(first).contains("the bearer token is not accepted");
    }
}
