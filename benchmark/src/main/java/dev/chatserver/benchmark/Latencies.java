package dev.chatserver.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded record of latencies in nanoseconds, safe to add to from many threads; percentiles once done. */
final class Latencies {
    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    Latencies(int capacity) {
        this.samples = new long[capacity];
    }

    void add(long nanos) {
        int i = count.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        } else {
            dropped.incrementAndGet();
        }
    }

    int count() {
        return Math.min(count.get(), samples.length);
    }

    /** {@code "name":{"count":..,"p50_ms":..,...}} as a JSON member. */
    String json(String name) {
        long[] sorted = Arrays.copyOf(samples, count());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return String.format(Locale.ROOT, "\"%s\":{\"count\":0,\"dropped\":%d}", name, dropped.get());
        }
        return String.format(Locale.ROOT,
                "\"%s\":{\"count\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"dropped\":%d}",
                name, sorted.length, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                millis(sorted, 1.0), dropped.get());
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
