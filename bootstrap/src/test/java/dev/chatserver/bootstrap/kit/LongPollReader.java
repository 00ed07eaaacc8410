package dev.chatserver.bootstrap.kit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long-polling client as a browser runs one through faults: it polls its channel from the id of the last
 * notification it was given, and after a 503 or a broken connection polls again from the same id. It keeps every
 * notification in the order received, and every answer a client should never get.
 */
public final class LongPollReader implements Runnable {
    private final ApiClient api;
    private final String token;
    private final String channel;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
    private volatile long last;

    public LongPollReader(ApiClient api, String token, String channel) {
        this.api = api;
        this.token = token;
        this.channel = channel;
    }

    @Override
    public void run() {
        while (running.get()) {
            ApiClient.Response answer;
            try {
                answer = api.rpc("/longpolling/poll", Map.of("channels", List.of(channel), "last", last), token);
            } catch (UncheckedIOException lost) {
                pause();
                continue;
            }
            if (answer.status() == 200 && answer.result() != null && answer.result().isArray()) {
                for (JsonNode notification : answer.result()) {
                    received.add(notification);
                    last = Math.max(last, notification.get("id").asLong());
                }
            } else if (answer.status() == 503 && answer.header("Retry-After") != null) {
                pause();
            } else {
                wrongAnswers.add(answer.status() + " " + answer.raw().body());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        running.set(false);
    }

    public List<JsonNode> received() {
        return new ArrayList<>(received);
    }

    public List<String> wrongAnswers() {
        return List.copyOf(wrongAnswers);
    }
}
