package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.HttpSettings;
import dev.chatserver.application.account.SignInPolicy;

import java.nio.file.Path;
import java.time.Duration;

/** What the server runs with, from typed options (flags and the environment; see the configuration table in README.md). */
public record Settings(StorageKind storage, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                       int dbPoolSize, HttpSettings http, SignInPolicy signIn, boolean demo, ChatOptions options) {

    public enum StorageKind { MEMORY, H2, POSTGRES }

    public static Settings from(Options options) {
        return from(options.typed());
    }

    public static Settings from(ChatOptions options) {
        StorageKind storage = options.get(ServerFlags.STORAGE);
        int port = options.get(ServerFlags.PORT);
        if (port < 0 || port > 65_535) {
            throw new StartupFailure("--port " + port + ": not a port (0 to 65535)");
        }
        int poolSize = options.get(ServerFlags.DB_POOL_SIZE);
        if (poolSize < 1) {
            throw new StartupFailure("--db-pool-size " + poolSize + ": at least 1");
        }
        Duration tokenTtl = options.get(ServerFlags.TOKEN_TTL);
        if (tokenTtl.isZero() || tokenTtl.isNegative()) {
            throw new StartupFailure("--token-ttl: must be positive");
        }
        Duration tokenTrust = options.get(ServerFlags.TOKEN_TRUST);
        if (tokenTrust.isNegative()) {
            throw new StartupFailure("--token-trust: must be zero or positive");
        }
        int maxBody = options.get(ServerFlags.MAX_BODY_SIZE);
        if (maxBody < 1024) {
            throw new StartupFailure("--max-body-size " + maxBody + ": at least 1024 bytes");
        }
        HttpSettings http = new HttpSettings(options.get(ServerFlags.HOST), port, maxBody,
                options.get(ServerFlags.STOP_TIMEOUT), options.get(ServerFlags.ACCESS_LOG));
        String dbUrl = options.find(ServerFlags.DB_URL).orElse(null);
        if (storage == StorageKind.POSTGRES && dbUrl == null) {
            throw new StartupFailure("--db-url: required with --storage postgres (e.g. jdbc:postgresql://127.0.0.1:5432/chat)");
        }
        return new Settings(storage, options.get(ServerFlags.DATA_DIR), dbUrl,
                options.find(ServerFlags.DB_USER).orElse(storage == StorageKind.POSTGRES ? "postgres" : "sa"),
                options.get(ServerFlags.DB_PASSWORD), poolSize, http, new SignInPolicy(tokenTtl, tokenTrust),
                options.get(ServerFlags.DEMO), options);
    }

    public Settings withPort(int newPort) {
        HttpSettings moved = new HttpSettings(http.host(), newPort, http.maxBodySize(), http.stopTimeout(), http.accessLog());
        return new Settings(storage, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, moved, signIn, demo, options);
    }

    @Override
    public String toString() {
        return "Settings[storage=" + storage + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", port=" + http.port() + "]";
    }
}
