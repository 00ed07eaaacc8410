package dev.chatserver.bootstrap.realtime.odoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Java rendering of Odoo's WebSocket worker ({@code addons/bus/static/src/workers/websocket_worker.js}) of
 * 16.0 and 17.0, one client tab registered, written from what those workers do, not from their text:
 * <ul>
 *   <li>the URL: 16.0 opens {@code /websocket}; 17.0 {@code /websocket?version=<worker version>};</li>
 *   <li>the frames it sends: {@code {"event_name":"subscribe","data":{"channels":<sorted>,"last":<lastNotificationId>}}}
 *   (16.0 when a tab initializes or adds a channel, and forced on every reconnect; 17.0 on every open and when
 *   the channels change) and {@code update_presence}; frames sent while closed wait for the next open;</li>
 *   <li>what it reads: every frame as an array of notifications, {@code lastNotificationId} being the last
 *   one's id, a frame that is not an array being the worker's TypeError (recorded here);</li>
 *   <li>how it reconnects: a close other than 1000 (and a failed opening) schedules a new start after a delay
 *   that grows (16.0: {@code delay * 1.5 + 500 * random}, then wait; 17.0: wait the delay, then
 *   {@code min(delay * 1.5, 60000) + 1000 * random}). The timers are kept, not run: the test says when the
 *   delay has passed ({@link #runNextTimer}), so nothing sleeps.</li>
 * </ul>
 */
public final class OdooWorker implements AutoCloseable {
    public enum Version {
        V16_0(null), V17_0("17.0-3");

        private final String versionParameter;

        Version(String versionParameter) {
            this.versionParameter = versionParameter;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long PATIENCE_SECONDS = 30;
    private static final int CLEAN = 1000;
    private static final int KEEP_ALIVE_TIMEOUT = 4002;
    private static final double MAXIMUM_RECONNECT_DELAY = 60_000;

    /** What the worker broadcast to its tab: connect, reconnect, disconnect, reconnecting, notification. */
    public record Broadcast(String type, JsonNode data) {
    }

    private final Version version;
    private final String websocketUrl;
    private final String sessionId;
    private final Random random = new Random(7);
    private final BlockingQueue<Broadcast> broadcasts = new LinkedBlockingQueue<>();
    private final List<String> typeErrors = new ArrayList<>();
    private final List<JsonNode> sent = new ArrayList<>();
    private final List<Double> scheduledDelays = new ArrayList<>();
    private final BlockingQueue<Double> newlyScheduled = new LinkedBlockingQueue<>();
    private final Deque<Runnable> timers = new ArrayDeque<>();
    private final TreeSet<String> channels = new TreeSet<>();
    private final List<String> messageWaitQueue = new ArrayList<>();
    private WebSocket websocket;
    /** A browser queues what a script sends; java.net.http refuses a send while one is pending, so sends are chained. */
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    /** The browser's readyState, as far as the worker looks at it. */
    private boolean connecting;
    private boolean open;
    private long lastNotificationId;
    private String lastChannelSubscription;
    private boolean isReconnecting;
    private double connectRetryDelay;
    private final double initialReconnectDelay;

    public OdooWorker(Version version, String baseUrl, String sessionId) {
        this.version = version;
        this.sessionId = sessionId;
        String url = baseUrl.replaceFirst("^http", "ws") + "/websocket";
        this.websocketUrl = version.versionParameter == null ? url : url + "?version=" + version.versionParameter;
        // 17.0's INITIAL_RECONNECT_DELAY: drawn once per worker, then every open resets the delay to it.
        this.initialReconnectDelay = 10_000 * random.nextDouble();
        this.connectRetryDelay = version == Version.V16_0 ? 1000 : initialReconnectDelay;
    }

    /**
     * What the bus service does when a tab starts: it initializes the worker with the last id it knows, then
     * (17.0) starts it; the 16.0 worker opened its socket when it was created and subscribes here.
     */
    public synchronized void startTab(long lastKnownId) {
        lastNotificationId = lastKnownId;
        start();
        if (version == Version.V16_0) {
            updateChannels(false);
        }
    }

    /** The bus service's {@code addChannel}. */
    public synchronized void addChannel(String channel) {
        if (channels.add(channel)) {
            updateChannels(false);
        }
    }

    /** The bus service's {@code send(eventName, data)}: a tab's frame, sent as is. */
    public synchronized void send(String eventName, Map<String, Object> data) {
        sendToServer(Map.of("event_name", eventName, "data", data));
    }

    /** The bus service's {@code send("update_presence", ...)}, asking the im_status of these partners. */
    public synchronized void updatePresence(long inactivityPeriod, List<Long> partnerIds) {
        sendToServer(Map.of("event_name", "update_presence", "data", Map.of("inactivity_period", inactivityPeriod,
                "im_status_ids_by_model", Map.of("res.partner", partnerIds))));
    }

    /** The network goes away: the browser fails the socket and the worker sees a close 1006. */
    public void dropConnection() {
        WebSocket gone;
        synchronized (this) {
            gone = websocket;
            open = false;
        }
        gone.abort();
        onClose(1006, "");
    }

    /** The delay of the next scheduled start has passed: run it. */
    public void runNextTimer() {
        Runnable timer;
        synchronized (this) {
            timer = timers.pollFirst();
        }
        if (timer == null) {
            throw new AssertionError("the worker scheduled no reconnection");
        }
        timer.run();
    }

    /** Waits until the worker schedules its next start; answers the delay it chose. */
    public double awaitRetryScheduled() {
        try {
            Double delay = newlyScheduled.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (delay == null) {
                throw new AssertionError("the worker scheduled no new start");
            }
            return delay;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized List<Double> scheduledDelays() {
        return List.copyOf(scheduledDelays);
    }

    public synchronized List<String> typeErrors() {
        return List.copyOf(typeErrors);
    }

    public synchronized List<JsonNode> sentFrames() {
        return List.copyOf(sent);
    }

    public synchronized long lastNotificationId() {
        return lastNotificationId;
    }

    /** The next broadcast of this type; the others before it are dropped. */
    public Broadcast await(String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        try {
            while (true) {
                Broadcast next = broadcasts.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("the worker broadcast no " + type + "; type errors: " + typeErrors());
                }
                if (next.type().equals(type)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next notification whose message has this type. */
    public JsonNode awaitNotification(String messageType) {
        while (true) {
            JsonNode notification = await("notification").data();
            if (messageType.equals(notification.path("message").path("type").asText())) {
                return notification;
            }
        }
    }

    /** Every notification broadcast up to and including the first whose message has this type and payload. */
    public List<JsonNode> notificationsUntil(String messageType, java.util.function.Predicate<JsonNode> payload) {
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            JsonNode notification = await("notification").data();
            seen.add(notification);
            JsonNode message = notification.path("message");
            if (messageType.equals(message.path("type").asText()) && payload.test(message.path("payload"))) {
                return seen;
            }
        }
    }

    /** The notifications broadcast and not yet taken by an {@code await}. */
    public List<JsonNode> pendingNotifications() {
        List<JsonNode> notifications = new ArrayList<>();
        for (Broadcast broadcast : broadcasts) {
            if (broadcast.type().equals("notification")) {
                notifications.add(broadcast.data());
            }
        }
        return notifications;
    }

    /** 17.0 starts nothing while a socket is open or opening; 16.0 always opens a new one. */
    private void start() {
        if (version == Version.V17_0 && (open || connecting)) {
            return;
        }
        connecting = true;
        HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "session_id=" + sessionId)
                .buildAsync(URI.create(websocketUrl), new Listener())
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        synchronized (this) {
                            connecting = false;
                        }
                        onError();
                        onClose(1006, "");
                    }
                });
    }

    private synchronized void onOpen(WebSocket socket) {
        websocket = socket;
        sending = CompletableFuture.completedFuture(null);
        connecting = false;
        open = true;
        if (version == Version.V17_0) {
            updateChannels(false);
        }
        messageWaitQueue.forEach(this::sendText);
        messageWaitQueue.clear();
        broadcasts.add(new Broadcast(isReconnecting ? "reconnect" : "connect", null));
        if (version == Version.V16_0) {
            if (isReconnecting) {
                updateChannels(true);
            }
            connectRetryDelay = 0;
        } else {
            connectRetryDelay = initialReconnectDelay;
        }
        isReconnecting = false;
    }

    private synchronized void onMessage(String text) {
        JsonNode notifications;
        try {
            notifications = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            typeErrors.add("SyntaxError: " + text);
            return;
        }
        if (!notifications.isArray() || notifications.isEmpty()) {
            // notifications[notifications.length - 1].id on anything but a non-empty array
            typeErrors.add("TypeError: cannot read properties of undefined (reading 'id'): " + text);
            return;
        }
        lastNotificationId = notifications.get(notifications.size() - 1).get("id").asLong();
        notifications.forEach(notification -> broadcasts.add(new Broadcast("notification", notification)));
    }

    private synchronized void onClose(int code, String reason) {
        open = false;
        if (version == Version.V17_0) {
            lastChannelSubscription = null;
        }
        if (isReconnecting) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("reason", reason);
        broadcasts.add(new Broadcast("disconnect", MAPPER.valueToTree(data)));
        if (code == CLEAN) {
            return;
        }
        broadcasts.add(new Broadcast("reconnecting", MAPPER.valueToTree(Map.of("closeCode", code))));
        isReconnecting = true;
        if (code == KEEP_ALIVE_TIMEOUT) {
            connectRetryDelay = 0;
        }
        retryConnectionWithDelay();
    }

    private synchronized void onError() {
        retryConnectionWithDelay();
    }

    private void retryConnectionWithDelay() {
        if (version == Version.V16_0) {
            connectRetryDelay = connectRetryDelay * 1.5 + 500 * random.nextDouble();
            scheduled(connectRetryDelay);
        } else {
            scheduled(connectRetryDelay);
            connectRetryDelay = Math.min(connectRetryDelay * 1.5, MAXIMUM_RECONNECT_DELAY) + 1000 * random.nextDouble();
        }
        timers.addLast(() -> {
            synchronized (this) {
                start();
            }
        });
    }

    private void scheduled(double delay) {
        scheduledDelays.add(delay);
        newlyScheduled.add(delay);
    }

    private void updateChannels(boolean force) {
        String subscription = String.join(",", channels);
        if (force || !subscription.equals(lastChannelSubscription)) {
            lastChannelSubscription = subscription;
            sendToServer(Map.of("event_name", "subscribe",
                    "data", Map.of("channels", List.copyOf(channels), "last", lastNotificationId)));
        }
    }

    private void sendToServer(Map<String, Object> message) {
        String frame;
        try {
            frame = MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sent.add(MAPPER.valueToTree(message));
        if (!open) {
            messageWaitQueue.add(frame);
        } else {
            sendText(frame);
        }
    }

    private void sendText(String frame) {
        WebSocket socket = websocket;
        sending = sending.handle((done, failed) -> null).thenCompose(ignored -> socket.sendText(frame, true));
    }

    @Override
    public synchronized void close() {
        timers.clear();
        if (websocket != null) {
            websocket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            OdooWorker.this.onOpen(webSocket);
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            OdooWorker.this.onClose(statusCode, reason);
            return null;
        }
    }
}
