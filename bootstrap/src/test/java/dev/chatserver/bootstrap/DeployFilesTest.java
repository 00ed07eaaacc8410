package dev.chatserver.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What deploy/ ships holds together: the example environment sets only variables the server reads and yields
 * valid settings, and the systemd unit runs the jar with the heap and restart settings docs/OPERATIONS.md names.
 * (deploy/haproxy.cfg is run by HaproxyClusterIT.)
 */
class DeployFilesTest {
    private static Path deploy(String file) {
        Path here = Path.of("deploy", file);
        return Files.exists(here) ? here : Path.of("..", "deploy", file);
    }

    private static Map<String, String> environmentFile() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(deploy("chat-server.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return variables;
    }

    @Test
    void the_example_environment_names_only_flags_the_server_reads_and_makes_valid_settings() throws IOException {
        Map<String, String> environment = environmentFile();
        Set<String> known = ServerFlags.ALL.stream().map(Flag::variable).collect(Collectors.toSet());

        assertThat(environment.keySet().stream().filter(name -> name.startsWith("CHAT_")))
                .isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
        assertThat(environment).containsKey("JAVA_OPTS");
        Settings settings = Settings.from(Options.parse(new String[0], environment));
        assertThat(settings).isNotNull();
        assertThat(Options.parse(new String[0], environment).typed().get(ServerFlags.STORAGE).toString())
                .isEqualToIgnoringCase("postgres");
    }

    @Test
    void the_unit_reads_that_environment_exits_on_out_of_memory_and_restarts_on_failure() throws IOException {
        String unit = Files.readString(deploy("chat-server.service"));

        assertThat(unit).contains("EnvironmentFile=/etc/chat-server/chat-server.env")
                .containsPattern("ExecStart=/usr/bin/java \\$JAVA_OPTS -XX:\\+ExitOnOutOfMemoryError -jar ")
                .contains("Restart=on-failure").contains("SuccessExitStatus=143").contains("MemoryMax=");
        assertThat(environmentFile().get("JAVA_OPTS")).contains("-Xmx");
    }
}
