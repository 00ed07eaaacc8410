package dev.chatserver.bootstrap.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's docs stand on their own: every link of README.md and docs/ leads to a file of this repository. */
class DocsStandAloneTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern OUTSIDE_PATH = Pattern.compile("`\\.\\./[^`]*`");

    @Test
    void every_relative_link_and_path_stays_in_the_repository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target);
                }
            }
            Matcher outside = OUTSIDE_PATH.matcher(text);
            while (outside.find()) {
                broken.add(ROOT.relativize(doc) + ": " + outside.group());
            }
        }
        assertThat(broken).as("links and paths outside the repository, or to nothing").isEmpty();
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")), docs.filter(file -> file.toString().endsWith(".md")))
                    .toList();
        }
    }
}
