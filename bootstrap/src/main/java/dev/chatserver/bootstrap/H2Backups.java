package dev.chatserver.bootstrap;

import dev.chatserver.adapter.jdbc.JdbcStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The H2 node's own online backups ({@code --backup-dir}): every {@code --backup-every} the database is copied,
 * open and taking writes, to {@code chat-<UTC time>.zip} there, and only the newest {@code --backup-keep} are
 * kept. A backup is written under a hidden name and renamed once whole, so a file named {@code chat-*.zip} is
 * always a complete backup (one being written when the node died is never mistaken for one).
 */
final class H2Backups implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    static final int DEFAULT_KEPT = 24;
    private static final Logger LOG = LoggerFactory.getLogger(H2Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'chat-'yyyyMMdd'T'HHmmss.SSS'Z.zip'")
            .withZone(ZoneOffset.UTC);

    private final JdbcStorage storage;
    private final Path directory;
    private final int kept;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "h2-backup");
        thread.setDaemon(true);
        return thread;
    });

    H2Backups(JdbcStorage storage, Path directory, int kept, Clock clock) {
        this.storage = storage;
        this.directory = directory;
        this.kept = kept;
        this.clock = clock;
    }

    /** Starts the backups the settings ask for, if any; refuses them on a storage the server cannot back up. */
    static java.util.Optional<H2Backups> start(Settings settings, Object storage) {
        java.util.Optional<Path> directory = settings.options().find(ServerFlags.BACKUP_DIR);
        if (directory.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (settings.storage() != Settings.StorageKind.H2 || !(storage instanceof JdbcStorage jdbc)) {
            throw new StartupFailure("--backup-dir: only an H2 node backs itself up; back up PostgreSQL with pg_dump"
                    + " (docs/OPERATIONS.md)");
        }
        Duration every = settings.options().get(ServerFlags.BACKUP_EVERY);
        if (every.isZero() || every.isNegative()) {
            throw new StartupFailure("--backup-every: must be positive");
        }
        int kept = settings.options().get(ServerFlags.BACKUP_KEEP);
        if (kept < 1) {
            throw new StartupFailure("--backup-keep " + kept + ": at least 1");
        }
        try {
            Files.createDirectories(directory.get());
        } catch (IOException | SecurityException e) {
            throw new StartupFailure("--backup-dir " + directory.get() + ": cannot create it (" + e.getMessage() + ")");
        }
        H2Backups backups = new H2Backups(jdbc, directory.get(), kept, Clock.systemUTC());
        backups.timer.scheduleWithFixedDelay(backups::backUpSafely, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return java.util.Optional.of(backups);
    }

    private void backUpSafely() {
        try {
            Path written = backUp();
            LOG.info("backed up the database to {}", written);
        } catch (RuntimeException failure) {
            LOG.error("the backup to {} failed; the next one is tried on time", directory, failure);
        }
    }

    /** Takes one backup now; answers its file. */
    Path backUp() {
        Path target = directory.resolve(NAME.format(clock.instant()));
        Path partial = directory.resolve("." + target.getFileName() + ".part");
        try {
            Files.deleteIfExists(partial);
            storage.backUpTo(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            dropOldest();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropOldest() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(directory)) {
            backups = files.filter(f -> f.getFileName().toString().matches("chat-\\d{8}T\\d{6}\\.\\d{3}Z\\.zip"))
                    .sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - kept))) {
            Files.deleteIfExists(old);
        }
    }

    /** Stops taking backups; one under way is finished first (the storage closes after this). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
