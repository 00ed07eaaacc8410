package dev.chatserver.bootstrap.kit;

import dev.chatserver.adapter.jdbc.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free port, that the test may stop and
 * start again (the machine's PostgreSQL serves other tests and is never touched). Made with Debian's
 * {@code initdb} and {@code pg_ctl}; as root they run as the {@code postgres} user, who may not run as root.
 */
public final class PrivatePostgres implements AutoCloseable {
    private final Path directory;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    /** Initialises a cluster (trust authentication, user {@code postgres}) and starts it. */
    public static PrivatePostgres start() {
        try {
            Path directory = Files.createTempDirectory("chat-pg");
            PrivatePostgres cluster = new PrivatePostgres(directory, ServerProcess.freePort());
            if (isRoot()) {
                run(List.of("chown", "postgres:postgres", directory.toString()));
            }
            cluster.asOwner(List.of(binary("initdb"), "-D", cluster.data.toString(), "-U", "postgres",
                    "--auth=trust", "--no-sync", "-E", "UTF8"));
            cluster.startAgain();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped cluster and waits until it accepts connections. */
    public void startAgain() {
        asOwner(List.of(binary("pg_ctl"), "-D", data.toString(), "-l", directory.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=on", "-w", "start"));
    }

    /** Stops the cluster as an operator's restart does ({@code fast}: open sessions are ended, nothing committed lost). */
    public void stop() {
        asOwner(List.of(binary("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    /** A new empty database on this cluster, for one test. */
    public DatabaseSettings newDatabase(String name, int poolSize) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return new DatabaseSettings(url(name), "postgres", "", poolSize);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Runs a PostgreSQL client program ({@code pg_dump}, {@code psql}) of the cluster's version against it. */
    public static String binary(String program) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin").resolve(program)).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no " + program + " under /usr/lib/postgresql"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            asOwner(List.of(binary("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
