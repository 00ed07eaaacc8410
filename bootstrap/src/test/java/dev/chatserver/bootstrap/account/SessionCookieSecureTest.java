package dev.chatserver.bootstrap.account;

import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --cookie-secure on|off|auto}: when sign-in marks the session cookie Secure, and sign-out clears it alike. */
class SessionCookieSecureTest {
    private static final Map<String, String> VIA_HTTPS = Map.of("X-Forwarded-Proto", "https");
    private final List<RunningServer> servers = new ArrayList<>();

    private ApiClient start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--storage", "memory", "--demo"));
        args.addAll(List.of(flags));
        RunningServer server = RunningServer.start(args);
        servers.add(server);
        return server.client();
    }

    @AfterEach
    void stop() {
        servers.forEach(RunningServer::close);
    }

    private static String signInCookie(ApiClient api, Map<String, String> headers) {
        ApiClient.Response signedIn = api.postRaw("/web/session/authenticate",
                "{\"params\":{\"login\":\"lynx\",\"password\":\"lynx-demo-password\"}}", headers);
        assertThat(signedIn.status()).isEqualTo(200);
        return signedIn.header("Set-Cookie");
    }

    private static String signOutCookie(ApiClient api, Map<String, String> headers) {
        String token = api.signInAs("lynx");
        Map<String, String> withToken = new java.util.LinkedHashMap<>(headers);
        withToken.put("Authorization", "Bearer " + token);
        ApiClient.Response signedOut = api.postRaw("/web/session/destroy", "{}", withToken);
        assertThat(signedOut.status()).isEqualTo(200);
        return signedOut.header("Set-Cookie");
    }

    private static boolean secure(String setCookie) {
        assertThat(setCookie).startsWith("session_id=");
        return List.of(setCookie.split(";")).stream().map(String::strip).anyMatch("Secure"::equalsIgnoreCase);
    }

    @Test
    void auto_by_default_marks_it_only_when_a_trusted_proxy_says_https() {
        ApiClient behindProxy = start("--trusted-proxies", "127.0.0.1,::1");

        assertThat(secure(signInCookie(behindProxy, Map.of()))).isFalse();
        assertThat(secure(signInCookie(behindProxy, VIA_HTTPS))).isTrue();
        assertThat(secure(signInCookie(behindProxy, Map.of("X-Forwarded-Proto", "http")))).isFalse();
        assertThat(secure(signOutCookie(behindProxy, VIA_HTTPS))).isTrue();
        assertThat(secure(signOutCookie(behindProxy, Map.of()))).isFalse();
    }

    @Test
    void auto_ignores_x_forwarded_proto_from_a_peer_that_is_not_a_trusted_proxy() {
        ApiClient direct = start("--cookie-secure", "auto");

        assertThat(secure(signInCookie(direct, VIA_HTTPS))).isFalse();
        assertThat(secure(signOutCookie(direct, VIA_HTTPS))).isFalse();
    }

    @Test
    void on_always_marks_it() {
        ApiClient api = start("--cookie-secure", "on");

        assertThat(secure(signInCookie(api, Map.of()))).isTrue();
        assertThat(secure(signOutCookie(api, Map.of()))).isTrue();
    }

    @Test
    void off_never_marks_it_even_behind_a_trusted_https_proxy() {
        ApiClient api = start("--cookie-secure", "off", "--trusted-proxies", "127.0.0.1,::1");

        assertThat(secure(signInCookie(api, VIA_HTTPS))).isFalse();
        assertThat(secure(signOutCookie(api, VIA_HTTPS))).isFalse();
    }

    @Test
    void sign_out_clears_the_cookie_it_set() {
        ApiClient api = start();

        String cleared = signOutCookie(api, Map.of());

        assertThat(cleared).startsWith("session_id=;").containsIgnoringCase("Max-Age=0").contains("Path=/")
                .containsIgnoringCase("HttpOnly");
    }
}
