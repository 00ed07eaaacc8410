package dev.chatserver.bootstrap.kit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that posts into one session without pause, as a well-behaved client does through faults: each post
 * carries a {@code client_id} of its own and is sent again with it after a 503 (waiting its {@code Retry-After})
 * or a broken connection, until it is answered; so a post is stored once however often it is sent. It notes
 * every post answered (acknowledged) and every answer a client should never get (a 500, a 503 without
 * {@code Retry-After}, an error in the result). Behind a proxy, a 502 or 504 (the node died while answering) is
 * a lost connection, retried the same way.
 */
public final class SteadyPoster implements Runnable {
    private final ApiClient api;
    private final String token;
    private final String session;
    private final String name;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedForNow = new AtomicInteger();
    private final AtomicInteger connectionsLost = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);

    public SteadyPoster(ApiClient api, String token, String session, String name) {
        this.api = api;
        this.token = token;
        this.session = session;
        this.name = name;
    }

    @Override
    public void run() {
        try {
            for (int n = 1; running.get(); n++) {
                postUntilAnswered(n);
            }
        } finally {
            finished.countDown();
        }
    }

    private void postUntilAnswered(int n) {
        Map<String, Object> params = Map.of("uuid", session, "message_type", "message",
                "message_content", name + " says " + n, "client_id", name + "-" + n);
        while (true) {
            ApiClient.Response answer;
            try {
                answer = api.rpc("/im_chat/post", params, token);
            } catch (UncheckedIOException lost) {
                connectionsLost.incrementAndGet();
                pause(100);
                continue;
            }
            if (answer.status() == 200 && answer.result() != null && answer.result().has("message_id")) {
                acknowledged.add(answer.result().get("message_id").asLong());
                return;
            }
            if (answer.status() == 502 || answer.status() == 504) {
                // a proxy's answer: the node died while the post was in flight; stored or not, the same
                // client_id makes the retry safe
                connectionsLost.incrementAndGet();
                pause(100);
                continue;
            }
            if (answer.status() == 503 && answer.header("Retry-After") != null) {
                refusedForNow.incrementAndGet();
                pause(Math.min(1_000, 1_000L * Long.parseLong(answer.header("Retry-After"))));
                continue;
            }
            wrongAnswers.add(answer.status() + " " + answer.raw().body());
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the posting once the post in flight is answered. */
    public void stop() {
        running.set(false);
    }

    /** Whether it stopped (its last post answered) within {@code seconds}. */
    public boolean awaitStopped(long seconds) throws InterruptedException {
        return finished.await(seconds, TimeUnit.SECONDS);
    }

    public Set<Long> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public List<String> wrongAnswers() {
        return List.copyOf(wrongAnswers);
    }

    /** 503s with {@code Retry-After} seen so far. */
    public int refusedForNow() {
        return refusedForNow.get();
    }

    public int connectionsLost() {
        return connectionsLost.get();
    }

    /** The message id of each {@code im_chat.message} notification among {@code notifications}, in order. */
    public static List<Long> postedMessageIds(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.get("message"))
                .filter(m -> m != null && "im_chat.message".equals(m.path("type").asText()))
                .map(m -> m.get("message").get("id").asLong()).toList();
    }
}
