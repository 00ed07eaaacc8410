package dev.chatserver.bootstrap.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling over real HTTP: per login from one client address, per client address, and (looser) per login
 * from every address, with no hashing while refused. Two client addresses are told apart behind a trusted proxy.
 */
class SignInThrottlingTest {
    private static final String AUTHENTICATE = "/web/session/authenticate";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private final List<RunningServer> servers = new ArrayList<>();

    private RunningServer start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--storage", "memory", "--demo"));
        args.addAll(List.of(flags));
        Module testParts = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
                bind(PasswordHasher.class).toInstance(hasher);
            }
        };
        RunningServer server = RunningServer.start(args, testParts);
        servers.add(server);
        return server;
    }

    @AfterEach
    void stop() {
        servers.forEach(RunningServer::close);
    }

    private static ApiClient.Response signIn(ApiClient api, String login, String password, Map<String, String> headers) {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"" + login
                + "\",\"password\":\"" + password + "\"},\"id\":7}";
        return api.postRaw(AUTHENTICATE, body, headers);
    }

    private static ApiClient.Response signIn(ApiClient api, String login, String password) {
        return signIn(api, login, password, Map.of());
    }

    private static Map<String, String> from(String clientAddress) {
        return Map.of("X-Forwarded-For", clientAddress);
    }

    private static void assertThrottled(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        JsonNode json = response.json();
        assertThat(json.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(json.get("id").asInt()).isEqualTo(7);
        assertThat(json.has("result")).isFalse();
        assertThat(json.get("error").get("code").asInt()).isEqualTo(429);
        assertThat(json.get("error").get("data").get("name").asText()).isEqualTo("too_many_attempts");
        assertThat(json.get("error").get("data").get("retry_after").asLong())
                .isEqualTo(Long.parseLong(response.header("Retry-After")));
    }

    @Test
    void the_sixth_wrong_password_is_refused_with_retry_after_and_costs_no_hash() {
        ApiClient api = start().client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn(api, "lynx", "wrong-" + attempt).status()).isEqualTo(401);
        }
        int checksBefore = hasher.checks();

        ApiClient.Response sixth = signIn(api, "lynx", "wrong-6");

        assertThrottled(sixth);
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(hasher.checks()).isEqualTo(checksBefore);
    }

    @Test
    void the_right_password_from_the_same_address_is_refused_too_until_the_window_passes() {
        ApiClient api = start().client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(api, "lynx", "wrong-" + attempt);
            clock.advance(Duration.ofMinutes(1));
        }
        int checksBefore = hasher.checks();

        ApiClient.Response right = signIn(api, "lynx", "lynx-demo-password");
        assertThrottled(right);
        // the first failure was 5 minutes ago: it leaves the 15-minute window in 10
        assertThat(right.header("Retry-After")).isEqualTo(Long.toString(Duration.ofMinutes(10).toSeconds()));
        assertThat(hasher.checks()).isEqualTo(checksBefore);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThrottled(signIn(api, "lynx", "lynx-demo-password"));

        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response after = signIn(api, "lynx", "lynx-demo-password");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("result").get("username").asText()).isEqualTo("lynx");
        assertThat(hasher.checks()).isEqualTo(checksBefore + 1);
    }

    @Test
    void a_burst_of_guesses_at_once_gets_no_more_checks_than_the_limit() throws Exception {
        ApiClient api = start("--sign-in-hashes", "1", "--sign-in-hash-queue", "40").client();
        int burst = 20;
        ExecutorService clients = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = IntStream.range(0, burst).mapToObj(i -> clients.submit(() -> {
                go.await();
                return signIn(api, "lynx", "guess-" + i).status();
            })).toList();
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(5);
        assertThat(statuses.stream().filter(status -> status == 429)).hasSize(burst - 5);
        assertThat(hasher.checks()).isEqualTo(5);
    }

    @Test
    void other_logins_are_not_throttled_by_one_logins_failures() {
        ApiClient api = start().client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(api, "lynx", "wrong-" + attempt);
        }

        assertThrottled(signIn(api, "lynx", "lynx-demo-password"));
        assertThat(signIn(api, "ocelot", "ocelot-demo-password").status()).isEqualTo(200);
    }

    @Test
    void a_success_forgets_the_logins_failures_from_its_address() {
        ApiClient api = start().client();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(api, "lynx", "wrong-" + attempt);
        }
        assertThat(signIn(api, "lynx", "lynx-demo-password").status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(signIn(api, "lynx", "wrong-again-" + attempt).status()).isEqualTo(401);
        }
        assertThat(signIn(api, "lynx", "lynx-demo-password").status()).isEqualTo(200);
    }

    @Test
    void one_address_failing_across_many_logins_is_throttled_for_every_login() {
        ApiClient api = start("--sign-in-address-failures", "6").client();
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(signIn(api, "guess-" + attempt, "wrong").status()).isEqualTo(401);
        }
        int checksBefore = hasher.checks();

        assertThrottled(signIn(api, "lynx", "lynx-demo-password"));
        assertThrottled(signIn(api, "never-tried", "whatever"));
        assertThat(hasher.checks()).isEqualTo(checksBefore);

        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn(api, "lynx", "lynx-demo-password").status()).isEqualTo(200);
    }

    @Test
    void x_forwarded_for_is_ignored_unless_the_proxy_is_trusted() {
        ApiClient api = start("--sign-in-address-failures", "3").client();
        for (int attempt = 1; attempt <= 3; attempt++) {
            signIn(api, "guess-" + attempt, "wrong", Map.of("X-Forwarded-For", "203.0.113." + attempt));
        }

        assertThrottled(signIn(api, "lynx", "lynx-demo-password", Map.of("X-Forwarded-For", "203.0.113.99")));
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_is_counted_apart() {
        ApiClient api = start("--sign-in-address-failures", "3", "--trusted-proxies", "127.0.0.0/8,::1").client();
        for (int attempt = 1; attempt <= 3; attempt++) {
            signIn(api, "guess-" + attempt, "wrong", Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.5"));
        }

        assertThrottled(signIn(api, "lynx", "lynx-demo-password", Map.of("X-Forwarded-For", "203.0.113.5")));
        // the leftmost entry was written by the client itself and is not trusted; another client is another count
        assertThat(signIn(api, "lynx", "lynx-demo-password", Map.of("X-Forwarded-For", "203.0.113.6")).status())
                .isEqualTo(200);
    }

    @Test
    void wrong_passwords_from_one_address_do_not_refuse_the_right_password_from_another() {
        ApiClient api = start("--trusted-proxies", "127.0.0.1,::1").client();
        String stranger = "203.0.113.66";
        String lynxAtHome = "198.51.100.7";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn(api, "lynx", "wrong-" + attempt, from(stranger)).status()).isEqualTo(401);
        }
        assertThrottled(signIn(api, "lynx", "lynx-demo-password", from(stranger)));
        int checksBefore = hasher.checks();

        ApiClient.Response atHome = signIn(api, "lynx", "lynx-demo-password", from(lynxAtHome));

        assertThat(atHome.status()).isEqualTo(200);
        assertThat(atHome.json().get("result").get("username").asText()).isEqualTo("lynx");
        assertThat(hasher.checks()).isEqualTo(checksBefore + 1);
        // her success forgets her own address's failures only: the stranger stays refused for lynx
        ApiClient.Response stillRefused = signIn(api, "lynx", "wrong-6", from(stranger));
        assertThrottled(stillRefused);
        assertThat(Long.parseLong(stillRefused.header("Retry-After"))).isEqualTo(Duration.ofMinutes(15).toSeconds());
        // and only for lynx: five failures are far from the address's own limit
        assertThat(signIn(api, "ocelot", "ocelot-demo-password", from(stranger)).status()).isEqualTo(200);
    }

    @Test
    void the_looser_limit_per_login_refuses_every_address_once_reached() {
        ApiClient api = start("--trusted-proxies", "127.0.0.1,::1", "--sign-in-login-total-failures", "6").client();
        for (String address : List.of("203.0.113.1", "203.0.113.2")) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(signIn(api, "lynx", "wrong-" + attempt, from(address)).status()).isEqualTo(401);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        int checksBefore = hasher.checks();

        ApiClient.Response elsewhere = signIn(api, "lynx", "lynx-demo-password", from("198.51.100.7"));

        assertThrottled(elsewhere);
        // the first of the six failures was 2 minutes ago: it leaves the 15-minute window in 13
        assertThat(elsewhere.header("Retry-After")).isEqualTo(Long.toString(Duration.ofMinutes(13).toSeconds()));
        assertThat(hasher.checks()).isEqualTo(checksBefore);
        assertThat(signIn(api, "ocelot", "ocelot-demo-password", from("198.51.100.7")).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(13));
        assertThat(signIn(api, "lynx", "lynx-demo-password", from("198.51.100.7")).status()).isEqualTo(200);
    }

    @Test
    void one_forwarded_address_failing_across_logins_is_refused_and_the_others_are_not() {
        ApiClient api = start("--trusted-proxies", "127.0.0.1,::1", "--sign-in-address-failures", "4").client();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(signIn(api, "guess-" + attempt, "wrong", from("203.0.113.66")).status()).isEqualTo(401);
        }

        assertThrottled(signIn(api, "lynx", "lynx-demo-password", from("203.0.113.66")));
        assertThat(signIn(api, "lynx", "lynx-demo-password", from("198.51.100.7")).status()).isEqualTo(200);
    }
}
