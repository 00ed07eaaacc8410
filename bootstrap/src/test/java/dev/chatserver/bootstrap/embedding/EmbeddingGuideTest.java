package dev.chatserver.bootstrap.embedding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/EMBEDDING.md shows the samples the build compiles and runs, exactly: a block that rots fails here. */
class EmbeddingGuideTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SAMPLES = ROOT.resolve("bootstrap/src/test/java/dev/chatserver/bootstrap/embedding");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- embed: (\\S+) -->\\n```java\\n(.*?)```\\n<!-- /embed -->", Pattern.DOTALL);

    @Test
    void every_block_of_the_guide_is_its_sample_file_as_it_is() throws IOException {
        Map<String, String> blocks = blocks();
        assertThat(blocks).as("embed: blocks in docs/EMBEDDING.md").isNotEmpty();
        blocks.forEach((file, shown) -> assertThat(shown)
                .as("docs/EMBEDDING.md's block of %s differs from the file: paste the file into the guide", file)
                .isEqualTo(read(ROOT.resolve(file))));
    }

    @Test
    void every_sample_is_in_the_guide() throws IOException {
        Map<String, String> blocks = blocks();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            files.map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.endsWith("SamplesTest.java") && !file.endsWith("GuideTest.java")
                            && !file.endsWith("HostPomIT.java"))
                    .forEach(file -> assertThat(blocks).as("docs/EMBEDDING.md shows " + file).containsKey(file));
        }
    }

    /** The host pom.xml the guide gives names the chat's version and the Jackson it is built with (tried by hand: see the guide). */
    @Test
    void the_host_pom_names_the_versions_of_this_build() {
        String guide = read(ROOT.resolve("docs/EMBEDDING.md"));
        Matcher hostPom = Pattern.compile("```xml\\n(<\\?xml.*?</project>\\n)```", Pattern.DOTALL).matcher(guide);
        assertThat(hostPom.find()).as("a complete host pom.xml in docs/EMBEDDING.md").isTrue();
        String build = read(ROOT.resolve("pom.xml"));
        String version = between(build, "<version>", "</version>");
        String jackson = between(build, "<jackson.version>", "</jackson.version>");
        assertThat(hostPom.group(1))
                .contains("<artifactId>bootstrap</artifactId>\n      <version>" + version + "</version>")
                .contains("<artifactId>jackson-bom</artifactId>\n        <version>" + jackson + "</version>")
                .doesNotContain("<groupId>ch.qos.logback</groupId>");
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    private static Map<String, String> blocks() throws IOException {
        Matcher matcher = BLOCK.matcher(read(ROOT.resolve("docs/EMBEDDING.md")));
        Map<String, String> blocks = new LinkedHashMap<>();
        while (matcher.find()) {
            blocks.put(matcher.group(1), matcher.group(2));
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
