package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real WebSocket client ({@code java.net.http.WebSocket}) for end-to-end tests: it collects every frame the
 * server sends, and reads only when the test lets it (to play a client that fell behind).
 */
final class WsClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How long a test waits for something it expects before it fails instead of hanging. */
    private static final long PATIENCE_SECONDS = 30;

    record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> stash = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(String baseUrl, String token, boolean reading) {
        Listener listener = new Listener(reading);
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/websocket"), listener)
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the WebSocket did not open", e);
        }
    }

    static WsClient connect(String baseUrl, String token) {
        return new WsClient(baseUrl, token, true);
    }

    /** Connects but reads nothing until {@link #startReading()}: a client that stopped keeping up. */
    static WsClient connectWithoutReading(String baseUrl, String token) {
        return new WsClient(baseUrl, token, false);
    }

    /** Opening {@code /websocket} with this token: the failure, when the server refuses the upgrade. */
    static Throwable refusal(String baseUrl, String token) {
        try {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/websocket"), new WebSocket.Listener() { })
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS).abort();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String eventName, Map<String, Object> data) {
        try {
            String text = MAPPER.writeValueAsString(Map.of("event_name", eventName, "data", data));
            socket.sendText(text, true).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + eventName, e);
        }
    }

    /** Subscribes and waits until the server confirms. */
    void subscribe(List<String> channels, long last) {
        send("subscribe", Map.of("channels", channels, "last", last));
        awaitEvent("subscribed");
    }

    /** The next frame, whatever it is. */
    JsonNode next() {
        if (!stash.isEmpty()) {
            return stash.remove(0);
        }
        try {
            JsonNode frame = frames.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame came from the server");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next control event, which must be {@code eventName}; answers its data. Notification batches that
     * come before it are kept for {@link #awaitNotifications}.
     */
    JsonNode awaitEvent(String eventName) {
        List<JsonNode> batches = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            if (frame.isArray()) {
                batches.add(frame);
                continue;
            }
            stash.addAll(0, batches);
            if (!eventName.equals(frame.path("event_name").asText())) {
                throw new AssertionError("expected the event " + eventName + " but got " + frame);
            }
            return frame.get("data");
        }
    }

    /** Collects notifications from the next batches until {@code count} arrived. */
    List<JsonNode> awaitNotifications(int count) {
        List<JsonNode> notifications = new ArrayList<>();
        while (notifications.size() < count) {
            JsonNode frame = next();
            if ("subscribed".equals(frame.path("event_name").asText())) {
                continue;
            }
            if (!frame.isArray()) {
                throw new AssertionError("expected a batch of notifications but got " + frame);
            }
            frame.forEach(notifications::add);
        }
        return notifications;
    }

    /** Whether no frame is waiting right now. */
    boolean nothingPending() {
        return stash.isEmpty() && frames.isEmpty();
    }

    /** Lets one more frame in (of a client that does not read by itself). */
    void readOne() {
        socket.request(1);
    }

    void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    Closed awaitClose() {
        try {
            return closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not close the WebSocket", e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final boolean reading;
        private final StringBuilder partial = new StringBuilder();

        Listener(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(MAPPER.readTree(partial.toString()));
                } catch (IOException e) {
                    frames.add(MAPPER.getNodeFactory().textNode("not JSON: " + partial));
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
