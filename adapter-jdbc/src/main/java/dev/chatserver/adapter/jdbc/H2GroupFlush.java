package dev.chatserver.adapter.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit for an H2 file database. H2 commits into memory and writes the store in the background, so a
 * process killed right after a commit loses it. Here every unit of work that committed waits for one flusher
 * thread, which writes the store and forces it to disk ({@code CHECKPOINT SYNC}) once for all commits waiting
 * at that moment: alone, a commit waits one flush; under load, many commits share each flush. See
 * docs/DURABILITY.md for the measurements.
 */
final class H2GroupFlush implements DurabilityBarrier {
    private final DataSource dataSource;
    private final Thread flusher;
    private final Object lock = new Object();
    /** The commits waiting for the next flush; null while none wait. */
    private CompletableFuture<Void> next;
    private boolean closed;

    H2GroupFlush(DataSource dataSource) {
        this.dataSource = dataSource;
        this.flusher = new Thread(this::flushWhileOpen, "h2-group-flush");
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    @Override
    public void awaitDurable() {
        CompletableFuture<Void> flush;
        synchronized (lock) {
            if (closed) {
                throw new StorageUnavailable("the storage is closed: the commit may not be on disk", null);
            }
            if (next == null) {
                next = new CompletableFuture<>();
                lock.notifyAll();
            }
            flush = next;
        }
        try {
            flush.join();
        } catch (CompletionException e) {
            throw new StorageUnavailable("cannot force the database to disk: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void flushWhileOpen() {
        while (true) {
            CompletableFuture<Void> flush;
            synchronized (lock) {
                while (next == null && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (next == null) {
                    return;
                }
                // commits that arrive from now on wait for the following flush: this one may miss them
                flush = next;
                next = null;
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("checkpoint sync");
                flush.complete(null);
            } catch (SQLException | RuntimeException e) {
                flush.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
