package dev.chatserver.bootstrap.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign page may not use the victim's session cookie (not for a WebSocket, not for a POST), nor sign the
 * victim's browser in as someone else.
 */
class OriginCheckTest {
    private static final String EVIL = "http://evil.example";
    private static final String LISTED = "https://app.example.com";
    private static final String SIGN_IN_BODY =
            "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"ocelot\",\"password\":\"ocelot-demo-password\"},\"id\":5}";
    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private final RunningServer server = RunningServer.start(
            List.of("--storage", "memory", "--demo", "--allowed-origins", LISTED + ", https://other.example.com:8443",
                    "--trusted-proxies", "127.0.0.1,::1"),
            new AbstractModule() {
                @Override
                protected void configure() {
                    bind(PasswordHasher.class).toInstance(hasher);
                }
            });
    private final ApiClient api = server.client();
    private final String token = api.signInAs("lynx");
    private final String ownOrigin = "http://127.0.0.1:" + server.port();

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> cookieFrom(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", "session_id=" + token);
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return headers;
    }

    private ApiClient.Response sessionInfo(Map<String, String> headers) {
        return api.postRaw("/web/session/get_session_info", "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":3}",
                headers);
    }

    /** The status the server answers a WebSocket upgrade with: 101 when it opens. */
    private int upgrade(Map<String, String> headers) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/websocket"), new WebSocket.Listener() { })
                    .get(30, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Test
    void a_cookie_post_from_a_foreign_origin_is_refused_in_the_json_rpc_error_shape() {
        ApiClient.Response refused = sessionInfo(cookieFrom(EVIL));

        assertThat(refused.status()).isEqualTo(403);
        JsonNode error = refused.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(403);
        assertThat(error.get("data").get("name").asText()).isEqualTo("foreign_origin");
        assertThat(error.get("data").get("message").asText()).contains(EVIL);
        assertThat(refused.raw().body()).doesNotContain("Exception");
    }

    @Test
    void a_cookie_post_that_changes_something_is_refused_before_it_runs() {
        ApiClient.Response refused = api.postRaw("/web/session/destroy", "{}", cookieFrom("null"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).status()).isEqualTo(200);
    }

    @Test
    void a_cookie_post_from_the_servers_own_origin_a_listed_one_or_no_origin_passes() {
        assertThat(sessionInfo(cookieFrom(ownOrigin)).status()).isEqualTo(200);
        assertThat(sessionInfo(cookieFrom(LISTED)).status()).isEqualTo(200);
        assertThat(sessionInfo(cookieFrom("https://APP.example.com:443")).status()).isEqualTo(200);
        assertThat(sessionInfo(cookieFrom("https://other.example.com:8443")).status()).isEqualTo(200);
        assertThat(sessionInfo(cookieFrom(null)).result().get("username").asText()).isEqualTo("lynx");
    }

    @Test
    void the_same_host_on_another_scheme_or_port_is_foreign() {
        assertThat(sessionInfo(cookieFrom("https://127.0.0.1:" + server.port())).status()).isEqualTo(403);
        assertThat(sessionInfo(cookieFrom("http://127.0.0.1:" + (server.port() + 1))).status()).isEqualTo(403);
        assertThat(sessionInfo(cookieFrom("http://app.example.com")).status()).isEqualTo(403);
    }

    @Test
    void a_bearer_request_from_a_foreign_origin_is_unaffected() {
        ApiClient.Response response = sessionInfo(Map.of("Authorization", "Bearer " + token, "Origin", EVIL));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result().get("username").asText()).isEqualTo("lynx");
    }

    @Test
    void a_cookie_long_poll_from_a_foreign_origin_is_refused_before_it_is_held() {
        ApiClient.Response refused = api.postRaw("/longpolling/poll", "{\"channels\":[],\"last\":0}", cookieFrom(EVIL));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").get("data").get("name").asText()).isEqualTo("foreign_origin");
    }

    @Test
    void a_cookie_post_under_api_is_refused_as_problem_details() {
        ApiClient.Response refused = api.postRaw("/api/v1/chats", "{}", cookieFrom(EVIL));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("foreign_origin");
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void a_websocket_upgrade_with_the_cookie_from_a_foreign_origin_is_refused() throws Exception {
        assertThat(upgrade(cookieFrom(EVIL))).isEqualTo(403);
        assertThat(upgrade(cookieFrom("null"))).isEqualTo(403);
    }

    @Test
    void a_websocket_upgrade_from_the_own_or_a_listed_origin_or_without_origin_opens() throws Exception {
        assertThat(upgrade(cookieFrom(ownOrigin))).isEqualTo(101);
        assertThat(upgrade(cookieFrom(LISTED))).isEqualTo(101);
        assertThat(upgrade(cookieFrom(null))).isEqualTo(101);
    }

    @Test
    void a_websocket_upgrade_with_a_bearer_token_is_unaffected_by_its_origin() throws Exception {
        assertThat(upgrade(Map.of("Authorization", "Bearer " + token, "Origin", EVIL))).isEqualTo(101);
    }

    /** A sign-in as a form of another site posts it: {@code text/plain}, no cookie of the victim needed. */
    private ApiClient.Response formSignIn(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "text/plain");
        return api.postRaw("/web/session/authenticate", SIGN_IN_BODY, all);
    }

    @Test
    void a_cross_site_sign_in_is_refused_with_no_cookie_and_no_hash() {
        int checksBefore = hasher.checks();

        ApiClient.Response refused = formSignIn(Map.of("Origin", "https://evil.example"));

        assertThat(refused.status()).isEqualTo(403);
        JsonNode error = refused.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(403);
        assertThat(error.get("data").get("name").asText()).isEqualTo("foreign_origin");
        assertThat(refused.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(hasher.checks()).isEqualTo(checksBefore);
        assertThat(formSignIn(Map.of("Origin", "null")).status()).isEqualTo(403);
        assertThat(api.postRaw("/web/session/authenticate", SIGN_IN_BODY, Map.of("Origin", EVIL)).status())
                .isEqualTo(403);
    }

    @Test
    void a_sign_in_from_the_servers_own_origin_a_listed_one_or_no_origin_signs_in() {
        for (String origin : List.of(ownOrigin, LISTED, "https://other.example.com:8443")) {
            ApiClient.Response signedIn = formSignIn(Map.of("Origin", origin));
            assertThat(signedIn.status()).as(origin).isEqualTo(200);
            assertThat(signedIn.result().get("username").asText()).isEqualTo("ocelot");
            assertThat(signedIn.header("Set-Cookie")).startsWith("session_id=");
        }
        ApiClient.Response fromCurl = formSignIn(Map.of());
        assertThat(fromCurl.status()).isEqualTo(200);
        assertThat(fromCurl.result().get("session_id").asText()).isNotBlank();
    }

    @Test
    void behind_a_trusted_proxy_that_terminates_tls_the_https_origin_is_the_servers_own() {
        String publicOrigin = "https://127.0.0.1:" + server.port();

        assertThat(formSignIn(Map.of("Origin", publicOrigin, "X-Forwarded-Proto", "https")).status()).isEqualTo(200);
        assertThat(sessionInfo(Map.of("Cookie", "session_id=" + token, "Origin", publicOrigin,
                "X-Forwarded-Proto", "https")).status()).isEqualTo(200);
        assertThat(formSignIn(Map.of("Origin", publicOrigin)).status()).isEqualTo(403);
    }

    @Test
    void x_forwarded_proto_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() {
        try (RunningServer direct = RunningServer.start(List.of("--storage", "memory", "--demo"))) {
            ApiClient.Response refused = direct.client().postRaw("/web/session/authenticate", SIGN_IN_BODY,
                    Map.of("Origin", "https://127.0.0.1:" + direct.port(), "X-Forwarded-Proto", "https"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.raw().headers().allValues("Set-Cookie")).isEmpty();
        }
    }
}
