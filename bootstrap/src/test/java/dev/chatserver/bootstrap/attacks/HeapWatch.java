package dev.chatserver.bootstrap.attacks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The node's heap in use, from {@code /metrics}, sampled every half second during an attack: first, highest, last. */
final class HeapWatch {
    record Heap(long firstBytes, long peakBytes, long lastBytes) {
        String summary() {
            return "heap first=" + mb(firstBytes) + " peak=" + mb(peakBytes) + " last=" + mb(lastBytes);
        }

        private static String mb(long bytes) {
            return bytes < 0 ? "unknown" : (bytes >> 20) + "MB";
        }
    }

    private final AttackNode node;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private long first = -1;
    private long peak = -1;

    private HeapWatch(AttackNode node) {
        this.node = node;
    }

    static HeapWatch start(AttackNode node) {
        HeapWatch watch = new HeapWatch(node);
        watch.sampler.scheduleWithFixedDelay(watch::sample, 0, 500, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void sample() {
        long used = read();
        synchronized (this) {
            if (first < 0) {
                first = used;
            }
            peak = Math.max(peak, used);
        }
    }

    private long read() {
        try {
            return node.heapUsedBytes();
        } catch (RuntimeException noAnswer) {
            return -1;
        }
    }

    Heap stop() {
        sampler.shutdown();
        try {
            sampler.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long last = read();
        synchronized (this) {
            return new Heap(first, Math.max(peak, last), last);
        }
    }
}
