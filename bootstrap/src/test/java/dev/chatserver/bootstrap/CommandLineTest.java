package dev.chatserver.bootstrap;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Main as a user meets it on the command line, run in-process. */
class CommandLineTest {
    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {
    }

    private static Run main(Map<String, String> environment, String... args) {
        return withInput(environment, "", args);
    }

    private static Run withInput(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run main(String... args) {
        return main(Map.of(), args);
    }

    private String[] onH2(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--data-dir", work.resolve("data").toString())).toArray(String[]::new);
    }

    @Test
    void help_in_any_of_its_spellings_prints_the_usage_of_the_server_and_every_command() {
        for (String[] asked : List.of(new String[]{"--help"}, new String[]{"help"}, new String[]{"-h"},
                new String[]{"--port", "abc", "--help"})) {
            Run help = main(asked);
            assertThat(help.exitCode()).as(String.join(" ", asked)).isZero();
            assertThat(help.err()).isEmpty();
            assertThat(help.out()).startsWith("usage: chat-server [flags]")
                    .contains("chat-server user add --login <login> --name <name> --password <password> [--email <email>] [--admin]")
                    .contains("chat-server user grant-admin --login <login>")
                    .contains("chat-server group add --name <name>")
                    .contains("chat-server group add-member --group <id or name> --login <login>")
                    .contains("--port <port>", "CHAT_PORT", "8080")
                    .contains("--demo ", "CHAT_DEMO");
        }
    }

    @Test
    void the_usage_names_every_flag_the_parser_accepts_and_no_other() {
        Matcher flags = Pattern.compile("--([a-z0-9-]+)").matcher(main("--help").out());
        Set<String> named = flags.results().map(m -> m.group(1)).collect(Collectors.toSet());
        named.remove("help");

        assertThat(named).containsExactlyInAnyOrderElementsOf(Options.KNOWN);
    }

    @Test
    void a_command_with_help_prints_its_own_usage_with_the_storage_flags_it_honours() {
        Run userAdd = main("user", "add", "--help");
        Run group = main("help", "group");

        assertThat(userAdd.exitCode()).isZero();
        assertThat(userAdd.out()).startsWith("""
                usage: chat-server user add --login <login> --name <name> --password <password> [--email <email>] [--admin]
                    adds a user; prints the new user's id
                    instead of --password <password>: --password-stdin (the first line of standard input) or the \
                environment variable CHAT_PASSWORD
                    --admin: the user administers the server (the routes under /api/v1/admin)
                """);
        assertThat(userAdd.out()).contains("storage flags").containsPattern("--storage <kind> +CHAT_STORAGE +h2")
                .contains("--data-dir <dir>", "--db-url <jdbc-url>", "--db-user <user>", "--db-password <password>",
                        "--db-pool-size <n>")
                .doesNotContain("--port", "group add");
        assertThat(group.out()).contains("group add --name", "group add-member --group", "--storage <kind>")
                .doesNotContain("user add");
    }

    @Test
    void a_command_group_without_its_command_prints_the_usage_of_its_commands() {
        Run user = main("user");
        Run group = main("group", "--data-dir", work.resolve("data").toString());

        assertThat(user.exitCode()).isZero();
        assertThat(user.err()).isEmpty();
        assertThat(user.out()).startsWith("usage: chat-server user add --login <login>").doesNotContain("group add");
        assertThat(group.out()).startsWith("usage: chat-server group add --name <name>").contains("group add-member");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void a_command_on_memory_storage_is_refused_since_nothing_would_be_kept() {
        Run inMemory = main("user", "add", "--login", "alice", "--name", "Alice", "--password", "alice-secret-1",
                "--storage", "memory");

        assertThat(inMemory.exitCode()).isEqualTo(2);
        assertThat(inMemory.out()).isEmpty();
        assertThat(inMemory.err().strip()).startsWith("chat-server: --storage memory:").contains("nothing would be kept");
        assertThat(main(Map.of("CHAT_STORAGE", "memory"), "group", "add", "--name", "Sales").err())
                .startsWith("chat-server: CHAT_STORAGE=memory:");
    }

    @Test
    void the_password_may_come_from_standard_input_or_the_environment_instead_of_the_command_line() {
        Run fromStdin = withInput(Map.of(), "alice-secret-1\n",
                onH2("user", "add", "--login", "alice", "--name", "Alice", "--password-stdin"));
        Run fromEnvironment = main(Map.of("CHAT_PASSWORD", "bob-secret-1"), onH2("user", "add", "--login", "bob", "--name", "Bob"));
        Run nothingOnStdin = withInput(Map.of(), "", onH2("user", "add", "--login", "carol", "--name", "Carol", "--password-stdin"));

        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(nothingOnStdin.exitCode()).isEqualTo(2);
        assertThat(nothingOnStdin.err()).startsWith("chat-server: --password-stdin: standard input gave no password");
        try (RunningServer server = RunningServer.start(List.of("--data-dir", work.resolve("data").toString()))) {
            assertThat(server.client().signIn("alice", "alice-secret-1")).isNotBlank();
            assertThat(server.client().signIn("bob", "bob-secret-1")).isNotBlank();
        }
    }

    @Test
    void a_busy_port_is_told_at_once_and_nothing_is_created_on_disk() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path data = work.resolve("never-made");

            Run busy = main("--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()),
                    "--data-dir", data.toString());

            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err().strip()).isEqualTo("chat-server: --port " + taken.getLocalPort() + ": already in use");
            assertThat(data).doesNotExist();
        }
    }

    @Test
    void the_email_is_optional_and_a_missing_required_flag_is_named_with_the_usage() {
        Run added = main(onH2("user", "add", "--login", "alice", "--name", "Alice", "--password", "alice-secret-1"));
        Run missing = main(onH2("user", "add", "--login", "bob", "--name", "Bob"));

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().strip()).matches("\\d+");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("chat-server: --password: required; usage: chat-server user add"
                + " --login <login> --name <name> --password <password> [--email <email>] [--admin]");
    }

    @Test
    void add_member_prints_the_id_of_the_group_it_changed() {
        main(onH2("user", "add", "--login", "alice", "--name", "Alice", "--password", "alice-secret-1"));
        String group = main(onH2("group", "add", "--name", "Sales")).out().strip();

        Run byName = main(onH2("group", "add-member", "--group", "Sales", "--login", "alice"));
        Run byId = main(onH2("group", "add-member", "--group", group, "--login", "alice"));

        assertThat(byName.out().strip()).isEqualTo(group);
        assertThat(byId.out().strip()).isEqualTo(group);
    }

    @Test
    void an_administrator_is_added_with_admin_or_granted_the_role_and_then_administers_over_http() {
        Run root = main(onH2("user", "add", "--login", "root", "--name", "Root", "--password", "root-secret-1",
                "--admin"));
        Run alice = main(onH2("user", "add", "--login", "alice", "--name", "Alice", "--password", "alice-secret-1"));
        Run unknown = main(onH2("user", "grant-admin", "--login", "nobody"));

        assertThat(root.exitCode()).as(root.err()).isZero();
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("no user has the login nobody");
        try (RunningServer server = RunningServer.start(List.of("--data-dir", work.resolve("data").toString()))) {
            String aliceToken = server.client().signIn("alice", "alice-secret-1");
            assertThat(server.client().send("GET", "/api/v1/admin/users", null,
                    server.client().signIn("root", "root-secret-1")).status()).isEqualTo(200);
            assertThat(server.client().send("GET", "/api/v1/admin/users", null, aliceToken).status()).isEqualTo(403);
        }
        Run granted = main(onH2("user", "grant-admin", "--login", "alice"));
        assertThat(granted.exitCode()).as(granted.err()).isZero();
        assertThat(granted.out().strip()).isEqualTo(alice.out().strip());
        try (RunningServer server = RunningServer.start(List.of("--data-dir", work.resolve("data").toString()))) {
            assertThat(server.client().send("GET", "/api/v1/admin/users", null,
                    server.client().signIn("alice", "alice-secret-1")).status()).isEqualTo(200);
        }
    }

    @Test
    void an_unknown_flag_points_at_the_help() {
        Run typo = main("--prot", "8080");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo("chat-server: --prot: unknown flag (chat-server --help lists them)");
    }

    @Test
    void a_bad_value_from_the_environment_is_named_by_its_variable() {
        assertThat(main(Map.of("CHAT_PORT", "abc")).err().strip()).isEqualTo("chat-server: CHAT_PORT=abc: not a whole number");
        assertThat(main(Map.of("CHAT_PORT", "abc"), "--port", "abd").err().strip())
                .isEqualTo("chat-server: --port abd: not a whole number");
        assertThat(main(Map.of("CHAT_STORAGE", "mongo")).err()).startsWith("chat-server: CHAT_STORAGE=mongo: unknown storage");
        assertThat(main(Map.of("CHAT_TOKEN_TTL", "0s")).err().strip()).isEqualTo("chat-server: CHAT_TOKEN_TTL: must be positive");
        assertThat(main(Map.of("CHAT_STORAGE", "postgres")).err())
                .startsWith("chat-server: --db-url: required with CHAT_STORAGE=postgres");
    }

    @Test
    void a_message_of_several_settings_names_each_as_it_was_given() {
        Options options = Options.parse(new String[]{"--ws-queue", "0"}, Map.of("CHAT_POLL_TIMEOUT", "soon"));

        assertThat(options.inUsersWords("--poll-timeout soon: not a duration"))
                .isEqualTo("CHAT_POLL_TIMEOUT=soon: not a duration");
        assertThat(options.inUsersWords("--poll-timeout, --ws-queue, --ws-ping-interval: bad"))
                .isEqualTo("CHAT_POLL_TIMEOUT, --ws-queue, --ws-ping-interval: bad");
    }

    @Test
    void a_second_group_of_a_name_is_refused_and_the_demo_starts_again_after_it() {
        List<String> onData = List.of("--data-dir", work.resolve("data").toString(), "--demo");
        try (RunningServer demo = RunningServer.start(onData)) {
            assertThat(demo.get(UserDirectory.class).groupsNamed("News")).singleElement()
                    .satisfies(news -> assertThat(news.members()).hasSize(3));
        }

        Run again = main(onH2("group", "add", "--name", "News"));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("chat-server: name: a group named News exists already");
        try (RunningServer demo = RunningServer.start(onData)) {
            List<Group> news = demo.get(UserDirectory.class).groupsNamed("News");
            assertThat(news).singleElement().satisfies(group -> assertThat(group.members()).hasSize(3));
            assertThat(demo.client().signIn("lynx", "lynx-demo-password")).isNotBlank();
        }
    }

    @Test
    void the_demo_joins_a_news_group_someone_made_before_it() {
        String made = main(onH2("group", "add", "--name", "News")).out().strip();

        try (RunningServer demo = RunningServer.start(List.of("--data-dir", work.resolve("data").toString(), "--demo"))) {
            assertThat(demo.get(UserDirectory.class).groupsNamed("News")).singleElement().satisfies(group -> {
                assertThat(group.id().toString()).isEqualTo(made);
                assertThat(group.members()).hasSize(3);
            });
        }
    }
}
