package dev.chatserver.bootstrap;

import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.JdbcStorage;
import dev.chatserver.adapter.jdbc.StorageUnavailable;
import dev.chatserver.application.port.out.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;

/** Opens the storage the settings choose, or fails start-up with a line naming the setting at fault. */
final class StorageFactory {
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private StorageFactory() {
    }

    static Storage open(Settings settings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryStorage();
            case H2 -> openH2(settings);
            case POSTGRES -> openJdbc("--db-url", new DatabaseSettings(settings.dbUrl(), settings.dbUser(),
                    settings.dbPassword(), settings.dbPoolSize()));
        };
    }

    /** A storage with a connection pool (JDBC) publishes its metrics there; memory has none. */
    static void meterPool(Storage storage, io.micrometer.core.instrument.MeterRegistry registry) {
        if (storage instanceof JdbcStorage jdbc) {
            jdbc.meterPoolIn(registry);
        }
    }

    private static Storage openH2(Settings settings) {
        if (settings.dbUrl() != null) {
            return openJdbc("--db-url", new DatabaseSettings(settings.dbUrl(), settings.dbUser(),
                    settings.dbPassword(), settings.dbPoolSize()));
        }
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException | SecurityException e) {
            throw new StartupFailure("--data-dir " + settings.dataDir() + ": cannot create it (" + e.getMessage() + ")");
        }
        try {
            return JdbcStorage.open(DatabaseSettings.h2File(settings.dataDir(), settings.dbPoolSize()));
        } catch (StorageUnavailable e) {
            if (heldByAnotherProcess(e)) {
                throw new StartupFailure("--data-dir " + settings.dataDir() + ": another process holds the H2 database in "
                        + settings.dataDir().toAbsolutePath().normalize() + " (a server still running?); stop it, or"
                        + " give another --data-dir");
            }
            throw new StartupFailure("--data-dir " + settings.dataDir() + ": " + e.getMessage());
        }
    }

    /** H2 opens a database file for one process: 90020 is its "database may be already in use". */
    private static boolean heldByAnotherProcess(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static Storage openJdbc(String setting, DatabaseSettings database) {
        try {
            return JdbcStorage.open(database);
        } catch (StorageUnavailable e) {
            throw new StartupFailure(setting + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(setting + ": " + e.getMessage());
        }
    }
}
