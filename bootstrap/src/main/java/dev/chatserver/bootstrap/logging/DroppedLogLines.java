package dev.chatserver.bootstrap.logging;

import java.util.concurrent.atomic.LongAdder;

/**
 * Log lines dropped in this JVM by every {@link DroppingAsyncAppender}: what {@code chat_log_dropped_total} reports.
 * Kept apart from the appender so that the metrics never load a logback class: the library runs without logback
 * (the host brings its own logging), and only the server's jar configures the appender.
 */
public final class DroppedLogLines {
    private static final LongAdder DROPPED = new LongAdder();

    private DroppedLogLines() {
    }

    static void add() {
        DROPPED.increment();
    }

    public static long total() {
        return DROPPED.sum();
    }
}
