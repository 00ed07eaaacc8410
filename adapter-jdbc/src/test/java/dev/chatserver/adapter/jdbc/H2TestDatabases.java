package dev.chatserver.adapter.jdbc;

import java.util.UUID;

/** Fresh private in-memory H2 databases for tests. */
public final class H2TestDatabases {
    private H2TestDatabases() {
    }

    public static JdbcStorage newStorage() {
        return JdbcStorage.open(DatabaseSettings.h2Memory("test_" + UUID.randomUUID().toString().replace("-", "")));
    }
}
