package dev.chatserver.adapter.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.Statement;

/**
 * V37 on H2: the search index becomes the project's own word table ({@link MessageWords}), filled here from the
 * messages already stored, and H2's native full-text index of V35 goes (its triggers, its schema {@code ft} and
 * its functions). A Java migration because the words are split by the application's own rule, which SQL cannot
 * state exactly. Listed in {@link Migrations#javaMigrations}, in the one sequence of versions.
 */
final class H2MessageWordsMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("37");
    }

    @Override
    public String getDescription() {
        return "message words";
    }

    @Override
    public Integer getChecksum() {
        return 37;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("call ft_drop_all()");
            for (String alias : new String[] {"ft_init", "ft_create_index", "ft_drop_index", "ft_drop_all",
                    "ft_reindex", "ft_search", "ft_search_data"}) {
                statement.execute("drop alias if exists " + alias);
            }
            MessageWords.createTable(statement);
        }
        MessageWords.fill(connection, 0, false);
    }
}
