package dev.chatserver.adapter.jdbc;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import java.util.List;

/**
 * The schema's one sequence of versions and where Flyway finds each: SQL both databases run
 * ({@value #SHARED}), SQL one database runs in its own folder ({@code db/vendor/<kind>}), and migrations written
 * in Java. A version number is used once in all of them; the rule for adding one is in
 * {@code db/migration/README.md}, and {@code MigrationSequenceTest} holds every location to it.
 */
final class Migrations {
    static final String SHARED = "db/migration";
    /** Every database the schema is written for, as {@link DatabaseSettings#kindOf} names it. */
    static final List<String> KINDS = List.of("h2", "postgres");

    private Migrations() {
    }

    /** The folder of the SQL migrations only {@code kind} runs. */
    static String vendorFolder(String kind) {
        return "db/vendor/" + kind;
    }

    /** The migrations written in Java that {@code kind} runs. */
    static List<JavaMigration> javaMigrations(String kind) {
        return kind.equals("h2") ? List.of(new H2MessageWordsMigration()) : List.of();
    }

    /** {@code flyway} set to run the whole sequence on a database of {@code kind}. */
    static FluentConfiguration of(FluentConfiguration flyway, String kind) {
        return flyway.locations("classpath:" + SHARED, "classpath:" + vendorFolder(kind))
                .javaMigrations(javaMigrations(kind).toArray(JavaMigration[]::new));
    }
}
