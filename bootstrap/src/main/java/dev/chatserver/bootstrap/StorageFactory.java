package dev.chatserver.bootstrap;

import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.JdbcStorage;
import dev.chatserver.adapter.jdbc.StorageUnavailable;
import dev.chatserver.application.port.out.Storage;

import java.io.IOException;
import java.nio.file.Files;

/** Opens the storage the settings choose, or fails start-up with a line naming the setting at fault. */
final class StorageFactory {
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
        return openJdbc("--data-dir " + settings.dataDir(), DatabaseSettings.h2File(settings.dataDir(), settings.dbPoolSize()));
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
