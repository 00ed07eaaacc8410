package dev.chatserver.adapter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh PostgreSQL databases for tests, each a copy of one template migrated once per test run, dropped when
 * the storage closes. Where PostgreSQL is, is read from CHAT_TEST_PG_URL / CHAT_TEST_PG_USER /
 * CHAT_TEST_PG_PASSWORD (by default the local server at 127.0.0.1:5432 as user postgres).
 */
public final class PostgresTestDatabases {
    public static final String URL_VARIABLE = "CHAT_TEST_PG_URL";
    private static final String SERVER = env(URL_VARIABLE, "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("CHAT_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("CHAT_TEST_PG_PASSWORD", "");
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static String template;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(PostgresTestDatabases::dropQuietly)));
    }

    private PostgresTestDatabases() {
    }

    /** A new, migrated, empty database; its settings point at it. */
    public static synchronized DatabaseSettings newDatabase(int poolSize) {
        String name = "chat_test_" + RUN + "_" + CREATED.size();
        execute("create database " + name + " template " + template());
        CREATED.add(name);
        return new DatabaseSettings(urlOf(name), USER, PASSWORD, poolSize);
    }

    /** A new database with no table, for tests of the migrations themselves; drop it with {@link #drop}. */
    public static synchronized DatabaseSettings newEmptyDatabase() {
        String name = "chat_test_" + RUN + "_" + CREATED.size();
        execute("create database " + name);
        CREATED.add(name);
        return new DatabaseSettings(urlOf(name), USER, PASSWORD, 2);
    }

    /** A storage on a new database, dropped when the storage closes. */
    public static JdbcStorage newStorage() {
        DatabaseSettings settings = newDatabase(4);
        JdbcStorage storage = JdbcStorage.open(settings);
        storage.afterClose(() -> drop(settings));
        return storage;
    }

    public static void drop(DatabaseSettings settings) {
        String name = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        dropQuietly(name);
        CREATED.remove(name);
    }

    private static String template() {
        if (template == null) {
            String name = "chat_template_" + RUN;
            execute("create database " + name);
            CREATED.add(name);
            try {
                JdbcStorage.open(new DatabaseSettings(urlOf(name), USER, PASSWORD, 1)).close();
            } catch (RuntimeException e) {
                dropQuietly(name);
                CREATED.remove(name);
                throw e;
            }
            template = name;
        }
        return template;
    }

    private static String urlOf(String database) {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }

    private static void dropQuietly(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (IllegalStateException e) {
            // the server is gone; nothing left to clean
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests is not reachable at " + SERVER + " as " + USER
                    + " (" + e.getMessage() + "). Start it, or point the tests at one with " + URL_VARIABLE
                    + "=jdbc:postgresql://host:port/postgres (and CHAT_TEST_PG_USER, CHAT_TEST_PG_PASSWORD).", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
