package dev.chatserver.bootstrap.attacks;

import dev.chatserver.bootstrap.kit.ApiClient;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests fired as fast as the server answers them, from a few threads each with a connection of its own, until a
 * count or a time is reached (whichever first), or, when given, until the server has refused enough of them to show
 * that a budget holds. Every answer is counted by {@link Outcome}.
 */
final class Flood {
    /** One request of the flood; {@code n} counts from 0 over all threads. */
    @FunctionalInterface
    interface Shot {
        ApiClient.Response fire(ApiClient client, int n);
    }

    /** Bounds of a flood: threads, most requests, most time, and refusals after which it stops (0: never). */
    record Limits(int threads, int requests, Duration time, int stopAfterRefusals) {
        static Limits of(int threads, int requests, Duration time) {
            return new Limits(threads, requests, time, 0);
        }

        Limits stoppingAfterRefusals(int refusals) {
            return new Limits(threads, requests, time, refusals);
        }
    }

    /** What a flood did: requests sent, their outcomes, refusals by name, and how long it took. */
    record Result(int sent, Map<Outcome, Integer> outcomes, Map<String, Integer> refusals, int throttlesInAnotherShape,
                  String sampleOfAnotherShape, Duration took) {
        int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        int refused() {
            return count(Outcome.THROTTLED) + count(Outcome.REFUSED);
        }

        String summary() {
            return "sent=" + sent + " accepted=" + count(Outcome.ACCEPTED) + " throttled=" + count(Outcome.THROTTLED)
                    + " refused=" + count(Outcome.REFUSED) + " 5xx=" + count(Outcome.SERVER_ERROR)
                    + " unanswered=" + count(Outcome.NO_ANSWER) + " refusals=" + refusals
                    + " took=" + took.toMillis() + "ms";
        }
    }

    private Flood() {
    }

    static Result run(AttackNode node, Limits limits, Shot shot) {
        AtomicInteger next = new AtomicInteger();
        Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicInteger otherShape = new AtomicInteger();
        AtomicReference<String> otherShapeSample = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + limits.time().toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(limits.threads());
        for (int t = 0; t < limits.threads(); t++) {
            threads.execute(() -> {
                ApiClient client = node.client();
                while (true) {
                    int refused = count(outcomes, Outcome.THROTTLED) + count(outcomes, Outcome.REFUSED);
                    if (System.nanoTime() > deadline || (limits.stopAfterRefusals() > 0 && refused >= limits.stopAfterRefusals())) {
                        return;
                    }
                    int n = next.getAndIncrement();
                    if (n >= limits.requests()) {
                        return;
                    }
                    Outcome outcome;
                    try {
                        ApiClient.Response response = shot.fire(client, n);
                        outcome = Outcome.of(response);
                        if (outcome == Outcome.THROTTLED || outcome == Outcome.REFUSED) {
                            refusals.computeIfAbsent(Outcome.refusalName(response), k -> new AtomicInteger()).incrementAndGet();
                        }
                        if (outcome == Outcome.THROTTLED && !Outcome.isAgreedThrottle(response)) {
                            otherShape.incrementAndGet();
                            otherShapeSample.compareAndSet(null, response.header("Retry-After") + " " + response.raw().body());
                        }
                    } catch (UncheckedIOException | IllegalStateException noAnswer) {
                        outcome = Outcome.NO_ANSWER;
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(limits.time().toSeconds() + 120, TimeUnit.SECONDS)) {
                threads.shutdownNow();
                throw new IllegalStateException("the flood's requests did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<Outcome, Integer> counted = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counted.put(outcome, n.get()));
        Map<String, Integer> named = new TreeMap<>();
        refusals.forEach((name, n) -> named.put(name, n.get()));
        int sent = counted.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(sent, counted, named, otherShape.get(), otherShapeSample.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int count(Map<Outcome, AtomicInteger> outcomes, Outcome outcome) {
        AtomicInteger n = outcomes.get(outcome);
        return n == null ? 0 : n.get();
    }
}
