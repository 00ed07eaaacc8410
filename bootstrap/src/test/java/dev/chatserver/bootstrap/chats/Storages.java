package dev.chatserver.bootstrap.chats;

import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.adapter.jdbc.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Chats server on each storage the server offers: memory, H2 in a temporary directory, a new PostgreSQL database. */
public enum Storages {
    MEMORY, H2, POSTGRES;

    /** A running server on this storage; closing it also drops what the storage made. */
    public Running start() {
        return start(List.of());
    }

    /** With more flags. */
    public Running start(List<String> flags) {
        return switch (this) {
            case MEMORY -> new Running(ChatsServer.on(with(flags, "--storage", "memory")), () -> { });
            case H2 -> {
                try {
                    Path data = Files.createTempDirectory("chats-h2");
                    yield new Running(ChatsServer.on(with(flags, "--storage", "h2", "--data-dir", data.toString())),
                            () -> deleteTree(data));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRES -> {
                DatabaseSettings database = PostgresTestDatabases.newDatabase(10);
                yield new Running(ChatsServer.on(with(flags, "--storage", "postgres", "--db-url",
                        database.url(), "--db-user", database.user(), "--db-password", database.password())),
                        () -> PostgresTestDatabases.drop(database));
            }
        };
    }

    public record Running(ChatsServer server, Runnable cleanUp) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                cleanUp.run();
            }
        }
    }

    private static List<String> with(List<String> flags, String... storage) {
        List<String> all = new java.util.ArrayList<>(List.of(storage));
        all.addAll(flags);
        return all;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
