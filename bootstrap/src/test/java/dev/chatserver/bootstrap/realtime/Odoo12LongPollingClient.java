package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A browser running Odoo 12.0's web client, as far as the bus goes: it signs in as the web client does (the
 * session cookie, kept by a cookie jar), makes calls as 12.0's {@code web.ajax} {@code jsonRpc} does, and polls
 * as 12.0's {@code bus.Longpolling} does. Written from reading those files, behaviour for behaviour:
 * <ul>
 *   <li>every call is the envelope {@code {"jsonrpc":"2.0","method":"call","params":{..},"id":<random>}};
 *   an answer with {@code error} is a "server" rejection (the client reads {@code error.data.arguments[0]} of
 *   every one), a failed HTTP exchange a "communication" rejection;</li>
 *   <li>a poll sends {@code {"channels": <the channels added, none by default>, "last": <largest id seen>,
 *   "options": {..., "bus_inactivity": <ms>}}} with a 60 s timeout;</li>
 *   <li>on an answer it takes every notification's {@code [channel, message]}, raises {@code last} to the
 *   largest {@code id}, and polls again at once;</li>
 *   <li>on an abort it polls again at once; on any other rejection it polls again after
 *   {@code ERROR_RETRY_DELAY + (floor(random * 20) + 1) * 1000} ms, through the {@link RetryTimer} the test
 *   controls, so a test sees the back-off it asked for instead of waiting for it.</li>
 * </ul>
 */
final class Odoo12LongPollingClient implements AutoCloseable {
    static final long ERROR_RETRY_DELAY_MILLIS = 10_000;
    static final String POLL_ROUTE = "/longpolling/poll";
    private static final long PATIENCE_SECONDS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code window.setTimeout}, as far as the bus uses it. */
    interface RetryTimer {
        void setTimeout(Runnable task, long delayMillis);
    }

    /** A retry the client asked its timer for: the delay it chose, and the poll to run when it fires. */
    record ScheduledRetry(long delayMillis, Runnable poll) {
    }

    /** A timer that runs nothing by itself: the test reads what was scheduled and fires it. */
    static final class ManualTimer implements RetryTimer {
        private final BlockingQueue<ScheduledRetry> scheduled = new LinkedBlockingQueue<>();

        @Override
        public void setTimeout(Runnable task, long delayMillis) {
            scheduled.add(new ScheduledRetry(delayMillis, task));
        }

        ScheduledRetry awaitScheduled() {
            return take(scheduled, "a retry to be scheduled");
        }

        boolean nothingScheduled() {
            return scheduled.isEmpty();
        }
    }

    /** What one poll sent and how it ended: {@code result} or {@code error} (a "server" rejection) or neither. */
    record PollOutcome(JsonNode sent, JsonNode result, JsonNode error, String rejection) {
        boolean answered() {
            return result != null;
        }
    }

    /** A notification as the bus hands it to its listeners: {@code [channel, message]}. */
    record Notification(JsonNode channel, JsonNode message) {
    }

    /** A rejected call: "server" (the answer's {@code error}) or "communication" (HTTP failed). */
    static final class RpcRejection extends RuntimeException {
        final String type;
        final transient JsonNode error;

        RpcRejection(String type, JsonNode error, String message) {
            super(message, null, false, false);
            this.type = type;
            this.error = error;
        }
    }

    private final String base;
    private final HttpClient http;
    private final RetryTimer timer;
    private final Random random = new Random();
    private final List<String> channels = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final long lastPresenceTime = System.currentTimeMillis();
    private final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final BlockingQueue<PollOutcome> outcomes = new LinkedBlockingQueue<>();
    private volatile long lastNotificationId;
    private volatile boolean active;
    private volatile CompletableFuture<?> pollRpc;

    Odoo12LongPollingClient(String base, RetryTimer timer) {
        this.base = base;
        this.timer = timer;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A client that resumes from what an earlier one saw: 12.0's cross-tab bus keeps {@code last} in the
     * browser's storage and starts from it after a reload (when it was stored less than 50 s before).
     */
    Odoo12LongPollingClient resumingFrom(long last) {
        this.lastNotificationId = last;
        return this;
    }

    /** {@code /web/session/authenticate} as the web client calls it; the session cookie is kept. */
    JsonNode signIn(String login, String password) {
        return call("/web/session/authenticate", Map.of("db", "chat", "login", login, "password", password));
    }

    void signOut() {
        call("/web/session/destroy", Map.of());
    }

    /** A call of the web client's own, answered with its result or throwing its rejection. */
    JsonNode call(String route, Object params) {
        try {
            return jsonRpc(route, params).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("no answer from " + route, e);
        }
    }

    /** {@code addChannel}: a new channel aborts the pending poll so that the next one names it. */
    synchronized void addChannel(String channel) {
        if (!channels.contains(channel)) {
            channels.add(channel);
            CompletableFuture<?> pending = pollRpc;
            if (pending != null) {
                pending.cancel(true);
            } else {
                startPolling();
            }
        }
    }

    /** {@code deleteChannel}: the pending poll is aborted so that the next one no longer names it. */
    synchronized void deleteChannel(String channel) {
        if (channels.remove(channel)) {
            CompletableFuture<?> pending = pollRpc;
            if (pending != null) {
                pending.cancel(true);
            }
        }
    }

    /** {@code startPolling}: polls on and on until stopped. */
    synchronized void startPolling() {
        if (!active) {
            active = true;
            poll();
        }
    }

    /** {@code stopPolling}: no poll starts any more. */
    synchronized void stopPolling() {
        active = false;
        channels.clear();
        CompletableFuture<?> pending = pollRpc;
        if (pending != null) {
            pending.cancel(true);
        }
    }

    long lastNotificationId() {
        return lastNotificationId;
    }

    Notification awaitNotification() {
        return take(notifications, "a notification");
    }

    PollOutcome awaitOutcome() {
        return take(outcomes, "a poll to end");
    }

    boolean noOutcomeYet() {
        return outcomes.isEmpty();
    }

    @Override
    public void close() {
        stopPolling();
    }

    private synchronized void poll() {
        if (!active) {
            return;
        }
        Map<String, Object> pollOptions = new LinkedHashMap<>(options);
        pollOptions.put("bus_inactivity", System.currentTimeMillis() - lastPresenceTime);
        ObjectNode data = MAPPER.createObjectNode();
        data.set("channels", MAPPER.valueToTree(List.copyOf(channels)));
        data.put("last", lastNotificationId);
        data.set("options", MAPPER.valueToTree(pollOptions));
        CompletableFuture<JsonNode> rpc = jsonRpc(POLL_ROUTE, data);
        pollRpc = rpc;
        // Async, as the browser's event loop: an answer that comes at once must not deepen the stack.
        rpc.whenCompleteAsync((result, failure) -> {
            pollRpc = null;
            if (failure == null) {
                // as the page: the notifications are taken (and last moved) before anyone sees the poll ended
                onPoll(result);
                outcomes.add(new PollOutcome(data, result, null, null));
                poll();
                return;
            }
            RpcRejection rejection = rejectionOf(failure);
            outcomes.add(new PollOutcome(data, null, rejection.error, rejection.type));
            if ("abort".equals(rejection.type)) {
                poll();
            } else {
                timer.setTimeout(this::poll, ERROR_RETRY_DELAY_MILLIS + (random.nextInt(20) + 1) * 1000L);
            }
        });
    }

    private void onPoll(JsonNode result) {
        for (JsonNode notification : result) {
            if (notification.path("id").asLong() > lastNotificationId) {
                lastNotificationId = notification.path("id").asLong();
            }
            notifications.add(new Notification(notification.get("channel"), notification.get("message")));
        }
    }

    private CompletableFuture<JsonNode> jsonRpc(String route, Object params) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.set("params", MAPPER.valueToTree(params));
        envelope.put("id", random.nextInt(1_000_000_000));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + route))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new RpcRejection("communication", null, "XmlHttpRequestError " + response.statusCode());
            }
            JsonNode answer = parse(response.body());
            JsonNode error = answer.get("error");
            if (error != null) {
                if (!error.path("data").path("arguments").has(0)) {
                    // 12.0 reads error.data.arguments[0] of every error: without it, the call fails in the client.
                    throw new RpcRejection("communication", error, "TypeError: error.data.arguments is undefined");
                }
                throw new RpcRejection("server", error, error.path("data").path("message").asText());
            }
            return answer.get("result");
        });
    }

    private static RpcRejection rejectionOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof RpcRejection rejection) {
            return rejection;
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return new RpcRejection("abort", null, "XmlHttpRequestError abort");
        }
        return new RpcRejection("communication", null, "XmlHttpRequestError " + cause);
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new RpcRejection("communication", null, "XmlHttpRequestError parsererror");
        }
    }

    private static <T> T take(BlockingQueue<T> queue, String what) {
        try {
            T next = queue.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("waited " + PATIENCE_SECONDS + " s for " + what);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
