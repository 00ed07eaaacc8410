package dev.chatserver.benchmark;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits until a file appears (the runner's signal) or a deadline passes, without polling in a sleep loop. */
final class ReleaseWatch {
    private ReleaseWatch() {
    }

    static void await(Path file, Duration atMost) throws IOException, InterruptedException {
        Path folder = file.toAbsolutePath().getParent();
        long end = System.nanoTime() + atMost.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(file)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                var key = watch.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }
}
