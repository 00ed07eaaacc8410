package dev.chatserver.bootstrap.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Another user reading as a web client does while an attack goes on: each round makes every read in turn, a new
 * round starting 75 ms after the last ended, on a connection of its own. Each read's latency is kept; a read is
 * failed unless it is answered 200 with a JSON-RPC result that is no error.
 */
final class Victim {
    /** One JSON-RPC read: its route and params. */
    record Read(String path, Map<String, Object> params) {
        static Read history(String uuid) {
            return new Read("/im_chat/api/history", Map.of("uuid", uuid, "limit", 20));
        }

        static Read sessions() {
            return new Read("/im_chat/api/get_sessions", Map.of());
        }

        static Read groupSessions() {
            return new Read("/im_chat/api/get_sessions_group", Map.of());
        }
    }

    private static final long PAUSE_MILLIS = 75;
    private static final int FAILURES_KEPT = 5;

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    private final List<Double> millis = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int failed;

    private Victim() {
    }

    /** The usual victim: support reading the history of its session with ocelot and its sessions. */
    static Victim reading(AttackNode node, Cast cast) {
        return reading(node, cast.support().token(), List.of(Read.history(cast.victims()), Read.sessions()));
    }

    static Victim reading(AttackNode node, String token, List<Read> reads) {
        Victim victim = new Victim();
        ApiClient client = node.client();
        victim.reader.scheduleWithFixedDelay(() -> reads.forEach(read -> victim.read(client, token, read)),
                0, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        return victim;
    }

    private void read(ApiClient client, String token, Read read) {
        long start = System.nanoTime();
        String failure;
        try {
            ApiClient.Response response = client.rpc(read.path(), read.params(), token);
            JsonNode result = response.status() == 200 ? response.result() : null;
            failure = result == null || "error".equals(result.path("status").asText())
                    ? read.path() + " answered " + response.status() + " " + abridged(response.raw().body()) : null;
        } catch (RuntimeException noAnswer) {
            failure = read.path() + " not answered: " + noAnswer;
        }
        double took = (System.nanoTime() - start) / 1e6;
        synchronized (this) {
            millis.add(took);
            if (failure != null) {
                failed++;
                if (failures.size() < FAILURES_KEPT) {
                    failures.add(failure);
                }
            }
        }
    }

    private static String abridged(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** Stops reading (the read under way finishes) and answers how the reads went. */
    Latencies stop() {
        reader.shutdown();
        try {
            if (!reader.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the victim's last read did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            return new Latencies(millis, failed, failures);
        }
    }
}
