package dev.chatserver.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's configuration table says what the flags are: their order, variables and defaults, as {@code --help} does. */
class ConfigurationTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `--([a-z0-9-]+)` \\| `([A-Z0-9_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    record Row(String flag, String variable, String fallback) {
    }

    private static List<Row> readmeTable() throws IOException {
        Path readme = Files.exists(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
        String text = Files.readString(readme);
        String configuration = text.substring(text.indexOf("\n## Configuration"), text.indexOf("\n### Budgets"));
        Matcher rows = ROW.matcher(configuration);
        return rows.results().map(row -> new Row(row.group(1), row.group(2), row.group(3).replace("`", "")
                .replace('–', '-').strip())).toList();
    }

    @Test
    void the_readme_lists_every_flag_in_order_with_its_variable() throws IOException {
        assertThat(readmeTable()).extracting(Row::flag).containsExactlyElementsOf(ServerFlags.ALL.stream().map(Flag::name).toList());
        assertThat(readmeTable()).extracting(Row::variable)
                .containsExactlyElementsOf(ServerFlags.ALL.stream().map(Flag::variable).toList());
    }

    @Test
    void each_default_in_the_readme_is_the_one_the_flag_declares() throws IOException {
        List<Row> rows = readmeTable();
        for (int i = 0; i < rows.size(); i++) {
            Flag<?> flag = ServerFlags.ALL.get(i);
            // the README may say more after the default itself: "67108864 (64 MiB)", "none (own origin only)"
            assertThat(rows.get(i).fallback()).as(flag.dashed()).startsWith(flag.shownFallback());
        }
    }

    @Test
    void the_usage_prints_each_default_as_the_flag_declares_it() {
        String usage = Usage.full();
        for (Flag<?> flag : ServerFlags.ALL) {
            assertThat(usage).as(flag.dashed()).containsPattern(Pattern.quote(flag.written()) + " +"
                    + Pattern.quote(flag.variable()) + " +" + Pattern.quote(flag.shownFallback()) + " ");
        }
    }
}
