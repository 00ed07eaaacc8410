package dev.chatserver.bootstrap.odoo8;

import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import org.junit.jupiter.api.AfterEach;

import java.util.List;

/**
 * The same 8.0 client on PostgreSQL storage: its bus notifications are read back from the shared log, where
 * the events are stored in their own versioned form, and must still render as 8.0's bare shapes.
 */
class Odoo8ImChatOnPostgresTest extends Odoo8ImChatTest {
    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);

    @Override
    List<String> storage() {
        return List.of("--storage", "postgres", "--db-url", database.url(), "--db-user", database.user(),
                "--db-pool-size", "4");
    }

    /** The server lets go of the database before it is dropped. */
    @Override
    @AfterEach
    void stop() {
        super.stop();
        PostgresTestDatabases.drop(database);
    }
}
