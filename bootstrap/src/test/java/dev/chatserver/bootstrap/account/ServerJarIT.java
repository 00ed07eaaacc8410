package dev.chatserver.bootstrap.account;

import dev.chatserver.bootstrap.kit.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a user runs it. */
class ServerJarIT {
    @TempDir
    Path work;

    @Test
    void with_no_arguments_it_serves_on_8080_with_h2_under_data() {
        try (ServerProcess server = ServerProcess.startWithNoArguments(work)) {
            var health = server.client().get("/healthz", Map.of());
            assertThat(health.json().get("storage").asText()).isEqualTo("h2");
            assertThat(work.resolve("data").resolve("chat.mv.db")).exists();
        }
    }

    @Test
    void provisioned_accounts_sign_in_and_survive_a_restart() {
        Path data = work.resolve("store");
        List<String> storage = List.of("--data-dir", data.toString());

        var user = ServerProcess.run(work, concat(List.of("user", "add", "--login", "alice", "--name", "Alice",
                "--email", "alice@example.org", "--password", "alice-secret-1"), storage));
        var group = ServerProcess.run(work, concat(List.of("group", "add", "--name", "Sales"), storage));
        var member = ServerProcess.run(work, concat(List.of("group", "add-member", "--group", "Sales", "--login", "alice"), storage));
        assertThat(user.exitCode()).as(user.output()).isZero();
        assertThat(user.output().strip()).matches("\\d+");
        assertThat(group.output().strip()).matches("\\d+");
        assertThat(member.output().strip()).isEqualTo(group.output().strip());

        String token;
        try (ServerProcess server = ServerProcess.start(work, storage)) {
            token = server.client().signIn("alice", "alice-secret-1");
            assertThat(server.terminate()).as("a clean stop on SIGTERM").isIn(0, 143);
            assertThat(server.output()).contains("chat server stopped")
                    .doesNotContain("alice-secret-1").doesNotContain(token);
        }
        try (ServerProcess again = ServerProcess.start(work, storage)) {
            assertThat(again.client().rpc("/web/session/get_session_info", Map.of(), token).result()
                    .get("username").asText()).isEqualTo("alice");
            assertThat(again.client().signIn("alice", "alice-secret-1")).isNotBlank();
        }
    }

    @Test
    void a_taken_login_is_refused_in_one_line() {
        List<String> add = List.of("user", "add", "--login", "bob", "--name", "Bob", "--password", "bob-secret-1",
                "--storage", "h2", "--data-dir", work.resolve("d").toString());
        assertThat(ServerProcess.run(work, add).exitCode()).isZero();

        var again = ServerProcess.run(work, add);

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output().strip()).isEqualTo("chat-server: login: the login bob is taken");
    }

    @Test
    void a_second_process_on_one_h2_directory_is_told_that_another_holds_it() {
        Path data = work.resolve("held");
        try (ServerProcess running = ServerProcess.start(work, List.of("--data-dir", data.toString()))) {
            var second = ServerProcess.run(work, List.of("group", "add", "--name", "Sales", "--data-dir", data.toString()));

            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.output().strip()).isEqualTo("chat-server: --data-dir " + data
                    + ": another process holds the H2 database in " + data.toAbsolutePath().normalize()
                    + " (a server still running?); stop it, or give another --data-dir");
        }
    }

    @Test
    void a_busy_port_ends_start_up_with_one_line() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("0.0.0.0", 0));
            assertFailsInOneLine(List.of("--storage", "memory", "--port", Integer.toString(busy.getLocalPort())),
                    "--port " + busy.getLocalPort());
        }
    }

    @Test
    void a_bad_feature_setting_ends_start_up_with_one_line() {
        assertFailsInOneLine(List.of("--storage", "memory", "--chats-tenants", "no-equals-sign"), "--chats-tenants");
        assertFailsInOneLine(List.of("--storage", "memory", "--poll-timeout", "soon"), "--poll-timeout");
    }

    @Test
    void an_unknown_storage_ends_start_up_with_one_line() {
        assertFailsInOneLine(List.of("--storage", "mongo"), "--storage mongo");
    }

    @Test
    void an_unreachable_database_ends_start_up_with_one_line() {
        assertFailsInOneLine(List.of("--storage", "postgres", "--db-url", "jdbc:postgresql://127.0.0.1:1/chat"),
                "--db-url");
    }

    @Test
    void an_unusable_data_dir_ends_start_up_with_one_line() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-dir"), "x");
        assertFailsInOneLine(List.of("--data-dir", file.resolve("sub").toString()), "--data-dir");
    }

    private void assertFailsInOneLine(List<String> args, String setting) {
        var run = ServerProcess.run(work, args.contains("--port") ? args : concat(args, List.of("--port", "0")));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().strip().lines()).hasSize(1);
        assertThat(run.output()).startsWith("chat-server: " + setting).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
