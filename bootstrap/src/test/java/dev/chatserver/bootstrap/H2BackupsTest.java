package dev.chatserver.bootstrap;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The H2 node's own backups: named by their time, the newest {@code --backup-keep} kept, refused off H2. */
class H2BackupsTest {
    @TempDir
    Path work;

    /** A clock one minute further on at every reading. */
    private static Clock ticking() {
        return new Clock() {
            private Instant now = Instant.parse("2026-12-07T10:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofMinutes(1));
                return now;
            }
        };
    }

    @Test
    void each_backup_is_a_whole_file_named_by_its_time_and_only_the_newest_are_kept() throws IOException {
        Path backups = work.resolve("backups");
        Files.createDirectories(backups);
        try (JdbcStorage storage = JdbcStorage.open(DatabaseSettings.h2File(work.resolve("data"), 2))) {
            H2Backups taking = new H2Backups(storage, backups, 2, ticking());
            taking.backUp();
            taking.backUp();
            taking.backUp();
            taking.close();
        }

        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("chat-20261207T100200.000Z.zip", "chat-20261207T100300.000Z.zip");
        }
        assertThat(Files.size(backups.resolve("chat-20261207T100300.000Z.zip"))).isPositive();
    }

    @Test
    void a_node_that_is_not_on_h2_refuses_a_backup_dir_at_start() {
        Settings settings = Settings.from(Options.parse(new String[]{"--storage", "memory", "--backup-dir",
                work.resolve("backups").toString()}, Map.of()));

        assertThatThrownBy(() -> H2Backups.start(settings, new Object())).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("--backup-dir: only an H2 node backs itself up");
        assertThat(List.of(work.toFile().list())).doesNotContain("backups");
    }
}
