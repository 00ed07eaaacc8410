package dev.chatserver.bootstrap.account;

import dev.chatserver.bootstrap.kit.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md's shell walkthroughs, taken from the README itself and run twice in a row with bash and curl
 * against the packaged jar on one H2 directory, as a newcomer pastes them.
 */
class ReadmeWalkthroughIT {
    private static final String JAR_COMMAND = "java -jar bootstrap/target/chat-server.jar";

    @TempDir
    Path work;

    @Test
    void the_http_walkthroughs_work_when_run_twice() throws Exception {
        String readme = readme();
        List<String> chatsStart = lines(block(readme, "## The chat flow with the Chats API", 0)).stream()
                .filter(line -> line.startsWith(JAR_COMMAND)).toList();
        assertThat(chatsStart).as("the Chats walkthrough starts the server").hasSize(1);
        List<String> flags = new ArrayList<>(words(chatsStart.get(0).substring(JAR_COMMAND.length())));
        flags.addAll(List.of("--poll-timeout", "5s"));
        String script = String.join("\n", "set -eu",
                block(readme, "## Sign in", 0),
                block(readme, "## A session with the IM chat API", 0),
                block(readme, "## The chat flow with the Chats API", 1),
                block(readme, "## Real-time: WebSocket and long-polling", 0),
                "echo; echo \"TOKEN=$TOKEN UUID=$UUID TENANT=$TENANT CHAT=$CHAT\"");

        try (ServerProcess server = ServerProcess.start(work, flags)) {
            String local = script.replace("localhost:8080", "localhost:" + server.port());
            for (int run = 1; run <= 2; run++) {
                Finished done = bash(local);
                assertThat(done.exitCode()).as("run %d:\n%s", run, done.output()).isZero();
                assertThat(done.output()).as("run %d", run)
                        .containsPattern("TOKEN=[A-Za-z0-9_-]{20,} UUID=[0-9a-f-]{36} TENANT=[A-Za-z0-9_-]{20,} CHAT=[0-9a-f-]{36}")
                        .contains("{\"message_id\":")
                        .contains("Hello, Ocelot")
                        .contains("HTTP/1.1 201")
                        .contains("\"data\":{\"text\":\"hello\"}")
                        .contains("\"layout\":");
                if (run == 2) {
                    assertThat(done.output()).contains("chat_already_exists");
                }
            }
        }
    }

    @Test
    void the_provisioning_walkthrough_run_again_refuses_in_one_line_and_changes_nothing() throws Exception {
        List<String> commands = lines(block(readme(), "## Provisioning users and groups", 0)).stream()
                .filter(line -> line.startsWith(JAR_COMMAND))
                .map(line -> line.replace(JAR_COMMAND, "java -jar '" + ServerProcess.jar() + "'")).toList();
        assertThat(commands).hasSize(3);

        List<Finished> first = new ArrayList<>();
        List<Finished> second = new ArrayList<>();
        for (String command : commands) {
            first.add(bash(command));
        }
        for (String command : commands) {
            second.add(bash(command));
        }

        assertThat(first).allSatisfy(done -> {
            assertThat(done.exitCode()).as(done.output()).isZero();
            assertThat(done.output().strip()).matches("\\d+");
        });
        assertThat(second.get(0).exitCode()).isEqualTo(1);
        assertThat(second.get(0).output().strip()).isEqualTo("chat-server: login: the login alice is taken");
        assertThat(second.get(1).exitCode()).isEqualTo(1);
        assertThat(second.get(1).output().strip()).isEqualTo("chat-server: name: a group named Sales exists already");
        assertThat(second.get(2).exitCode()).isZero();
        assertThat(second.get(2).output().strip()).isEqualTo(first.get(1).output().strip());
    }

    private record Finished(int exitCode, String output) {
    }

    private Finished bash(String script) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "bash", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHAT_"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the walkthrough did not finish: " + Files.readString(out));
        }
        return new Finished(process.exitValue(), Files.readString(out));
    }

    private static String readme() throws IOException {
        Path readme = Path.of("README.md");
        return Files.readString(Files.exists(readme) ? readme : Path.of("..", "README.md"));
    }

    /** The index-th ```bash block of the section that starts with the heading. */
    private static String block(String readme, String heading, int index) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md has the section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        String[] parts = section.split("```bash\n");
        assertThat(parts.length).as(heading + " has a bash block " + index).isGreaterThan(index + 1);
        return parts[index + 1].substring(0, parts[index + 1].indexOf("```"));
    }

    private static List<String> lines(String block) {
        return block.lines().toList();
    }

    /** The words of a command line whose only quoting is '...'. */
    private static List<String> words(String line) {
        return Arrays.stream(line.strip().split(" +")).map(word -> word.replace("'", "")).toList();
    }
}
