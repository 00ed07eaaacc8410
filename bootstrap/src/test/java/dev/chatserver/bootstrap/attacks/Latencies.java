package dev.chatserver.bootstrap.attacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How a victim's reads went during an attack: every latency, and the reads that were not answered as they should be. */
record Latencies(List<Double> millis, int failed, List<String> firstFailures) {
    Latencies {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        millis = List.copyOf(sorted);
        firstFailures = List.copyOf(firstFailures);
    }

    int reads() {
        return millis.size();
    }

    double p50() {
        return percentile(0.50);
    }

    double p99() {
        return percentile(0.99);
    }

    double max() {
        return millis.isEmpty() ? 0 : millis.get(millis.size() - 1);
    }

    private double percentile(double p) {
        if (millis.isEmpty()) {
            return 0;
        }
        return millis.get((int) Math.min(millis.size() - 1, Math.ceil(p * millis.size()) - 1));
    }

    String summary() {
        return String.format("victim reads=%d failed=%d p50=%.1fms p99=%.1fms max=%.1fms", reads(), failed, p50(), p99(), max());
    }
}
