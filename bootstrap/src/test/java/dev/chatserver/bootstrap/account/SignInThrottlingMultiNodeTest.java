package dev.chatserver.bootstrap.account;

import com.google.inject.AbstractModule;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.contract.PlainPasswordHasher;
import dev.chatserver.application.port.out.PasswordHasher;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

/** Two nodes on one PostgreSQL database count the same sign-in failures, racing ones included. */
class SignInThrottlingMultiNodeTest {
    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private final List<RunningServer> nodes = new ArrayList<>();

    private ApiClient startNode(String loginFailures) {
        RunningServer node = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(),
                        "--db-user", database.user(), "--db-pool-size", "4", "--demo",
                        "--sign-in-login-failures", loginFailures, "--sign-in-address-failures", "1000"),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(PasswordHasher.class).toInstance(new PlainPasswordHasher());
                    }
                });
        nodes.add(node);
        return node.client();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(RunningServer::close);
        PostgresTestDatabases.drop(database);
    }

    private static int wrongSignIn(ApiClient node, String login) {
        return node.rpc("/web/session/authenticate", Map.of("login", login, "password", "wrong"), null).status();
    }

    private static int rightSignIn(ApiClient node) {
        return node.rpc("/web/session/authenticate", Map.of("login", "lynx", "password", "lynx-demo-password"), null)
                .status();
    }

    @Test
    void failures_on_either_node_count_towards_one_window() {
        ApiClient a = startNode("5");
        ApiClient b = startNode("5");
        assertThat(wrongSignIn(a, "lynx")).isEqualTo(401);
        assertThat(wrongSignIn(b, "lynx")).isEqualTo(401);
        assertThat(wrongSignIn(a, "lynx")).isEqualTo(401);
        assertThat(wrongSignIn(b, "lynx")).isEqualTo(401);
        assertThat(wrongSignIn(a, "lynx")).isEqualTo(401);

        assertThat(wrongSignIn(b, "lynx")).isEqualTo(429);
        assertThat(rightSignIn(b)).isEqualTo(429);
        assertThat(rightSignIn(a)).isEqualTo(429);
    }

    @Test
    void failures_racing_on_both_nodes_all_count() throws Exception {
        int racers = 10;
        ApiClient a = startNode(Integer.toString(racers));
        ApiClient b = startNode(Integer.toString(racers));
        ExecutorService clients = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = IntStream.range(0, racers).mapToObj(i -> clients.submit(() -> {
                start.await();
                return wrongSignIn(i % 2 == 0 ? a : b, "lynx");
            })).toList();
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(401);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(rightSignIn(a)).isEqualTo(429);
        assertThat(rightSignIn(b)).isEqualTo(429);
    }
}
