package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V31 makes group names unique on a database that already holds groups of one name. */
class GroupNamesMigrationTest {

    @Test
    void on_h2_the_oldest_keeps_the_name_and_the_later_ones_are_told_apart_by_id() throws SQLException {
        whereDuplicatesExisted(DatabaseSettings.h2Memory("groups_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void on_postgres_the_oldest_keeps_the_name_and_the_later_ones_are_told_apart_by_id() throws SQLException {
        DatabaseSettings database = PostgresTestDatabases.newEmptyDatabase();
        try {
            whereDuplicatesExisted(database);
        } finally {
            PostgresTestDatabases.drop(database);
        }
    }

    private static void whereDuplicatesExisted(DatabaseSettings database) throws SQLException {
        Migrations.of(Flyway.configure().dataSource(database.url(), database.user(), database.password()),
                database.kind()).target("30").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("insert into user_groups (id, name) values (1, 'News'), (2, 'News'), (3, 'Sales'), (4, 'News')");
        }

        try (JdbcStorage storage = JdbcStorage.open(database)) {
            UserDirectory directory = storage.ports().users();
            assertThat(directory.groups(List.of(
                    GroupId.of(1), GroupId.of(2),
                    GroupId.of(3), GroupId.of(4)))
                    .stream().map(Group::name)).containsExactly("News", "News #2", "Sales", "News #4");
            assertThat(directory.groupsNamed("News")).hasSize(1);
        }
    }
}
