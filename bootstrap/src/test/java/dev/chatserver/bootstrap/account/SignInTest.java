package dev.chatserver.bootstrap.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final RunningServer server = RunningServer.inMemory(new AbstractModule() {
        @Override
        protected void configure() {
            bind(Clock.class).toInstance(clock);
        }
    });
    private final ApiClient api = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signing_in_answers_odoos_session_info_and_sets_the_cookie() {
        ApiClient.Response response = api.rpc("/web/session/authenticate",
                Map.of("login", "lynx", "password", "lynx-demo-password"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.json().get("id").asInt()).isEqualTo(1);
        JsonNode result = response.result();
        assertThat(result.get("uid").isIntegralNumber()).isTrue();
        assertThat(result.get("partner_id").isIntegralNumber()).isTrue();
        assertThat(result.get("name").asText()).isEqualTo("Lucid Lynx");
        assertThat(result.get("username").asText()).isEqualTo("lynx");
        String token = result.get("session_id").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(response.header("Set-Cookie")).startsWith("session_id=" + token).contains("HttpOnly");
    }

    @Test
    void the_bare_params_body_signs_in_too() {
        ApiClient.Response response = api.postRaw("/web/session/authenticate",
                "{\"login\":\"ocelot\",\"password\":\"ocelot-demo-password\"}", Map.of());

        assertThat(response.result().get("username").asText()).isEqualTo("ocelot");
        assertThat(response.json().get("id").isNull()).isTrue();
    }

    @Test
    void the_token_is_accepted_as_bearer_and_as_cookie() {
        String token = api.signInAs("lynx");

        ApiClient.Response asBearer = api.rpc("/web/session/get_session_info", Map.of(), token);
        ApiClient.Response asCookie = api.postRaw("/web/session/get_session_info", "{}",
                Map.of("Cookie", "session_id=" + token));

        assertThat(asBearer.result().get("username").asText()).isEqualTo("lynx");
        assertThat(asCookie.result().get("username").asText()).isEqualTo("lynx");
        assertThat(asBearer.result().get("session_id").asText()).isEqualTo(token);
        assertThat(asCookie.result().has("session_id")).as("a page's scripts never read the cookie's token").isFalse();
    }

    @Test
    void a_browser_page_signing_in_gets_the_cookie_and_no_token_in_the_answer() {
        ApiClient.Response fromPage = api.postRaw("/web/session/authenticate",
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"lynx\",\"password\":\""
                        + "lynx-demo-password\"},\"id\":1}", Map.of("Origin", "http://127.0.0.1:" + server.port()));

        assertThat(fromPage.result().get("username").asText()).isEqualTo("lynx");
        assertThat(fromPage.result().has("session_id")).isFalse();
        assertThat(fromPage.raw().headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("session_id=").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void wrong_credentials_answer_alike_whether_the_login_exists_or_not() {
        ApiClient.Response wrongPassword = api.rpc("/web/session/authenticate",
                Map.of("login", "lynx", "password", "not-the-password"), null);
        ApiClient.Response unknownLogin = api.rpc("/web/session/authenticate",
                Map.of("login", "nobody", "password", "not-the-password"), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownLogin.status()).isEqualTo(401);
        assertThat(wrongPassword.raw().body()).isEqualTo(unknownLogin.raw().body());
        assertThat(wrongPassword.json().get("error").get("code").asInt()).isEqualTo(100);
    }

    @Test
    void destroy_revokes_the_token() {
        String token = api.signInAs("lynx");

        ApiClient.Response destroyed = api.rpc("/web/session/destroy", Map.of(), token);
        ApiClient.Response after = api.rpc("/web/session/get_session_info", Map.of(), token);

        assertThat(destroyed.result().get("status").asText()).isEqualTo("success");
        assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void a_token_expires() {
        String token = api.signInAs("lynx");
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).status()).isEqualTo(401);
    }

    @Test
    void a_missing_or_mistyped_field_is_named() {
        ApiClient.Response missing = api.rpc("/web/session/authenticate", Map.of("login", "lynx"), null);
        ApiClient.Response mistyped = api.rpc("/web/session/authenticate", Map.of("login", 5, "password", "x"), null);

        assertThat(missing.result().get("status").asText()).isEqualTo("error");
        assertThat(missing.result().get("field").asText()).isEqualTo("password");
        assertThat(mistyped.result().get("field").asText()).isEqualTo("login");
    }

    @Test
    void a_body_that_is_not_json_is_a_parse_error() {
        ApiClient.Response response = api.postRaw("/web/session/authenticate", "{not json", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at dev.");
    }
}
