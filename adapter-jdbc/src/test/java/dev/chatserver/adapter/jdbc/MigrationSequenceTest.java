package dev.chatserver.adapter.jdbc;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's versions form one sequence on every database (db/migration/README.md): checked on the files and
 * classes themselves, so a clash fails here whichever database it would have broken.
 */
class MigrationSequenceTest {
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");
    private static final String SHARED = "shared";

    /** One migration: its version, the change it names, and where it is ({@value #SHARED} or the one database). */
    record Migration(int version, String what, String database, String source) {
        boolean runsOn(String kind) {
            return database.equals(SHARED) || database.equals(kind);
        }
    }

    @Test
    void every_migration_file_is_named_as_flyway_runs_it() throws Exception {
        List<String> misnamed = new ArrayList<>();
        List<String> locations = new ArrayList<>(List.of(Migrations.SHARED));
        Migrations.KINDS.forEach(kind -> locations.add(Migrations.vendorFolder(kind)));
        for (String location : locations) {
            for (Path file : filesIn(location)) {
                String name = file.getFileName().toString();
                if (!NAME.matcher(name).matches() && !(location.equals(Migrations.SHARED) && name.equals("README.md"))) {
                    misnamed.add(location + "/" + name);
                }
            }
        }
        assertThat(misnamed).as("files Flyway would skip").isEmpty();
        try (Stream<Path> vendors = Files.list(folder("db/vendor"))) {
            assertThat(vendors.map(folder -> folder.getFileName().toString()))
                    .as("a vendor folder for each database the schema is written for")
                    .containsExactlyInAnyOrderElementsOf(Migrations.KINDS);
        }
    }

    @Test
    void the_sequence_has_no_clash() throws Exception {
        assertThat(clashes(sequence())).isEmpty();
    }

    @Test
    void two_shared_migrations_under_one_version_clash() {
        assertThat(clashes(List.of(
                new Migration(38, "sign_in_failures", SHARED, "V38__sign_in_failures.sql"),
                new Migration(38, "bus_channel_pruned", SHARED, "V38__bus_channel_pruned.sql"))))
                .containsExactly("V38 is used twice on h2: V38__sign_in_failures.sql, V38__bus_channel_pruned.sql",
                        "V38 is used twice on postgres: V38__sign_in_failures.sql, V38__bus_channel_pruned.sql");
    }

    @Test
    void a_shared_migration_under_the_version_of_one_database_clashes_there() {
        assertThat(clashes(List.of(
                new Migration(37, "message_words", "h2", "H2MessageWordsMigration"),
                new Migration(37, "notes", SHARED, "V37__notes.sql"))))
                .containsExactly("V37 is used twice on h2: H2MessageWordsMigration, V37__notes.sql");
    }

    @Test
    void the_files_of_a_vendor_version_name_one_change() {
        assertThat(clashes(List.of(
                new Migration(35, "message_search", "h2", "h2/V35__message_search.sql"),
                new Migration(35, "message_search", "postgres", "postgres/V35__message_search.sql"),
                new Migration(41, "word_index", "h2", "h2/V41__word_index.sql"),
                new Migration(41, "presence_ttl", "postgres", "postgres/V41__presence_ttl.sql"))))
                .containsExactly("V41 names different changes: h2/V41__word_index.sql, postgres/V41__presence_ttl.sql");
    }

    /** What breaks the one sequence: a version two migrations of one database share, or a vendor version whose files disagree. */
    static List<String> clashes(List<Migration> sequence) {
        List<String> clashes = new ArrayList<>();
        for (String kind : Migrations.KINDS) {
            byVersion(sequence.stream().filter(migration -> migration.runsOn(kind)))
                    .forEach((version, migrations) -> {
                        if (migrations.size() > 1) {
                            clashes.add("V" + version + " is used twice on " + kind + ": " + sources(migrations));
                        }
                    });
        }
        byVersion(sequence.stream().filter(migration -> !migration.database().equals(SHARED)))
                .forEach((version, migrations) -> {
                    if (migrations.stream().map(Migration::what).distinct().count() > 1) {
                        clashes.add("V" + version + " names different changes: " + sources(migrations));
                    }
                });
        return clashes;
    }

    /** Every migration Flyway runs on some database: the shared SQL, each database's own SQL and Java migrations. */
    private static List<Migration> sequence() throws Exception {
        List<Migration> sequence = new ArrayList<>(sqlIn(Migrations.SHARED, SHARED));
        for (String kind : Migrations.KINDS) {
            sequence.addAll(sqlIn(Migrations.vendorFolder(kind), kind));
            for (JavaMigration migration : Migrations.javaMigrations(kind)) {
                sequence.add(new Migration(Integer.parseInt(migration.getVersion().getVersion()),
                        migration.getDescription().replace(' ', '_'), kind, migration.getClass().getSimpleName()));
            }
        }
        return sequence;
    }

    private static List<Migration> sqlIn(String location, String database) throws Exception {
        return filesIn(location).stream()
                .map(file -> parsed(file.getFileName().toString(), database))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Migration> parsed(String fileName, String database) {
        Matcher name = NAME.matcher(fileName);
        return name.matches()
                ? Optional.of(new Migration(Integer.parseInt(name.group(1)), name.group(2), database, fileName))
                : Optional.empty();
    }

    private static Map<Integer, List<Migration>> byVersion(Stream<Migration> migrations) {
        return migrations.collect(Collectors.groupingBy(Migration::version, TreeMap::new, Collectors.toList()));
    }

    private static String sources(List<Migration> migrations) {
        return migrations.stream().map(Migration::source).collect(Collectors.joining(", "));
    }

    private static List<Path> filesIn(String location) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder(location))) {
            return files.sorted().toList();
        }
    }

    private static Path folder(String location) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(MigrationSequenceTest.class.getClassLoader().getResource(location),
                location).toURI());
    }
}
