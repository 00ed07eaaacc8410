package dev.chatserver.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many WebSockets to the server's {@code /websocket}, each subscribed to one channel. Opening is bounded (at most
 * {@code inFlight} handshakes at once) and every wait has a deadline.
 */
final class Sockets {
    // a small fixed pool: the client's default executor grows a thread per busy moment, which 10,000 sockets
    // turn into thousands of threads
    private final ExecutorService executor = Executors.newFixedThreadPool(4, daemon());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(executor).build();
    private final List<WebSocket> open = new ArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private static final AtomicInteger CLOSED = new AtomicInteger();
    private final CountDownLatch subscribed;
    private final int wanted;

    Sockets(int wanted) {
        this.wanted = wanted;
        this.subscribed = new CountDownLatch(wanted);
    }

    /**
     * Opens {@code wanted} sockets to {@code uri}, the i-th with {@code tokens[i % tokens.length]}, each subscribing
     * to {@code channels[i % channels.length]} (each member's own channel, or one channel for all); {@code onFrame}
     * gets every whole text frame with the time it arrived.
     */
    void open(URI uri, List<String> tokens, List<String> channels, int inFlight, FrameHandler onFrame,
              Duration deadline) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < wanted; i++) {
            String subscribe = "{\"event_name\":\"subscribe\",\"data\":{\"channels\":[\""
                    + channels.get(i % channels.size()) + "\"],\"last\":0}}";
            if (!permits.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            int index = i;
            client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(uri, new Listener(index, onFrame, subscribed))
                    .whenComplete((ws, error) -> {
                        permits.release();
                        if (error != null) {
                            failed.incrementAndGet();
                            subscribed.countDown();
                            return;
                        }
                        synchronized (open) {
                            open.add(ws);
                        }
                        ws.sendText(subscribe, true);
                    });
        }
        subscribed.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    int opened() {
        synchronized (open) {
            return open.size();
        }
    }

    /** Sockets the server closed, or that broke, after they opened. */
    int closedByPeer() {
        return CLOSED.get();
    }

    int failed() {
        return failed.get();
    }

    /** Sockets that have not yet been answered {@code subscribed} (or failed). */
    long pending() {
        return subscribed.getCount();
    }

    void closeAll() {
        synchronized (open) {
            open.forEach(WebSocket::abort);
            open.clear();
        }
        executor.shutdownNow();
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sockets-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What a socket does with each text frame. */
    interface FrameHandler {
        void frame(int socket, String text, long arrivedNanos);
    }

    private static final class Listener implements WebSocket.Listener {
        private final int index;
        private final FrameHandler onFrame;
        private final CountDownLatch subscribed;
        private final StringBuilder partial = new StringBuilder();
        private boolean counted;

        Listener(int index, FrameHandler onFrame, CountDownLatch subscribed) {
            this.index = index;
            this.onFrame = onFrame;
            this.subscribed = subscribed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (!counted && (text.contains("\"subscribed\"") || text.contains("subscribe_refused"))) {
                    counted = true;
                    if (text.contains("subscribe_refused")) {
                        System.err.println("subscription refused: " + text);
                    }
                    subscribed.countDown();
                }
                onFrame.frame(index, text, now);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            CLOSED.incrementAndGet();
            if (!counted) {
                counted = true;
                subscribed.countDown();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            CLOSED.incrementAndGet();
            if (!counted) {
                counted = true;
                subscribed.countDown();
            }
        }
    }
}
