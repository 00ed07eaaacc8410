package dev.chatserver.application.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two changes started at once, as two administrators' requests may be. */
final class Race {
    private Race() {
    }

    /** Runs both at once; answers each one's result or the problem it threw. */
    static List<Object> of(Callable<Object> first, Callable<Object> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> task : List.of(first, second)) {
                running.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException problem) {
                        return problem;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
