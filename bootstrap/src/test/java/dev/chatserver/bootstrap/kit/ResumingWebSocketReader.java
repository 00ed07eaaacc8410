package dev.chatserver.bootstrap.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client as docs/realtime.md tells one to behave: it subscribes to its channel from the id of the
 * last notification it was given, and whenever the connection ends (its node died or stopped) it connects again
 * (through the proxy: to whichever node) and subscribes from that same id. It keeps every notification in the
 * order received, and every frame a client should never get.
 */
public final class ResumingWebSocketReader implements Runnable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final String channel;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> wrongFrames = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running = true;
    private volatile long last;
    private volatile WebSocket socket;

    public ResumingWebSocketReader(String baseUrl, String token, String channel) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.channel = channel;
    }

    @Override
    public void run() {
        while (running) {
            CompletableFuture<Void> ended = new CompletableFuture<>();
            try {
                socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                        .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/websocket"), new Frames(ended))
                        .get(10, TimeUnit.SECONDS);
                connections.incrementAndGet();
                socket.sendText(MAPPER.writeValueAsString(Map.of("event_name", "subscribe",
                        "data", Map.of("channels", List.of(channel), "last", last))), true).get(10, TimeUnit.SECONDS);
                while (running && !ended.isDone()) {
                    try {
                        ended.get(200, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stillOpen) {
                        // keep reading
                    }
                }
            } catch (ExecutionException | TimeoutException | IOException failed) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                WebSocket open = socket;
                if (open != null) {
                    open.abort();
                }
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
    }

    public List<JsonNode> received() {
        return new ArrayList<>(received);
    }

    public List<String> wrongFrames() {
        return List.copyOf(wrongFrames);
    }

    /** How many times it connected: more than once means it resumed after losing its node. */
    public int connections() {
        return connections.get();
    }

    private final class Frames implements WebSocket.Listener {
        private final CompletableFuture<Void> ended;
        private final StringBuilder partial = new StringBuilder();

        Frames(CompletableFuture<Void> ended) {
            this.ended = ended;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean whole) {
            partial.append(data);
            if (whole) {
                take(partial.toString());
                partial.setLength(0);
            }
            return null;
        }

        private void take(String text) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(text);
            } catch (IOException e) {
                wrongFrames.add(text);
                return;
            }
            if (frame.isArray()) {
                for (JsonNode notification : frame) {
                    received.add(notification);
                    last = Math.max(last, notification.get("id").asLong());
                }
            } else if (!"subscribed".equals(frame.path("event_name").asText())) {
                wrongFrames.add(text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete(null);
        }
    }
}
