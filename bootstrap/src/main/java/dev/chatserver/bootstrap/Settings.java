package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.HttpSettings;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.application.account.SignInPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What the server runs with, from flags and the environment; see the configuration table in README.md. */
public record Settings(StorageKind storage, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                       int dbPoolSize, HttpSettings http, SignInPolicy signIn, boolean demo, Options options) {

    public enum StorageKind { MEMORY, H2, POSTGRES }

    public static Settings from(Options options) {
        String storageName = options.get("storage").orElse("h2").strip().toLowerCase(Locale.ROOT);
        StorageKind storage = switch (storageName) {
            case "memory" -> StorageKind.MEMORY;
            case "h2" -> StorageKind.H2;
            case "postgres", "postgresql" -> StorageKind.POSTGRES;
            default -> throw new StartupFailure("--storage " + storageName + ": unknown storage; use memory, h2 or postgres");
        };
        int port = options.getInt("port", 8080);
        if (port < 0 || port > 65_535) {
            throw new StartupFailure("--port " + port + ": not a port (0 to 65535)");
        }
        int poolSize = options.getInt("db-pool-size", DatabaseSettings.DEFAULT_POOL_SIZE);
        if (poolSize < 1) {
            throw new StartupFailure("--db-pool-size " + poolSize + ": at least 1");
        }
        Duration tokenTtl = options.getDuration("token-ttl", SignInPolicy.DEFAULT_LIFETIME);
        if (tokenTtl.isZero() || tokenTtl.isNegative()) {
            throw new StartupFailure("--token-ttl: must be positive");
        }
        Duration tokenTrust = options.getDuration("token-trust", SignInPolicy.DEFAULT_TRUST);
        if (tokenTrust.isNegative()) {
            throw new StartupFailure("--token-trust: must be zero or positive");
        }
        int maxBody = options.getInt("max-body-size", (int) HttpSettings.DEFAULT_MAX_BODY_SIZE);
        if (maxBody < 1024) {
            throw new StartupFailure("--max-body-size " + maxBody + ": at least 1024 bytes");
        }
        HttpSettings http = new HttpSettings(options.get("host").orElse("0.0.0.0"), port, maxBody,
                options.getDuration("stop-timeout", Duration.ofSeconds(20)));
        String dbUrl = options.get("db-url").orElse(null);
        if (storage == StorageKind.POSTGRES && dbUrl == null) {
            throw new StartupFailure("--db-url: required with --storage postgres (e.g. jdbc:postgresql://127.0.0.1:5432/chat)");
        }
        return new Settings(storage, Path.of(options.get("data-dir").orElse("data")), dbUrl,
                options.get("db-user").orElse(storage == StorageKind.POSTGRES ? "postgres" : "sa"),
                options.get("db-password").orElse(""), poolSize, http, new SignInPolicy(tokenTtl, tokenTrust),
                options.isOn("demo"), options);
    }

    public Settings withPort(int newPort) {
        HttpSettings moved = new HttpSettings(http.host(), newPort, http.maxBodySize(), http.stopTimeout());
        return new Settings(storage, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, moved, signIn, demo, options);
    }

    @Override
    public String toString() {
        return "Settings[storage=" + storage + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", port=" + http.port() + "]";
    }
}
