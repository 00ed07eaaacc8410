package dev.chatserver.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post-to-receipt latency: {@code --subscribers} WebSockets subscribe to one channel (or each to its own, with
 * {@code --channels}: 1,000 members of one group on their user channels), one poster posts at
 * {@code --rate} per second for {@code --seconds}, and every subscriber notes when each post reaches it. Poster
 * and subscribers live in this one JVM, so one clock times both ends. The post body is a template in which
 * {@code @MARK@} becomes a mark naming the post; the subscribers find the mark in what they receive. With
 * {@code --post-url} and {@code --ws} on different nodes it measures delivery across nodes.
 */
final class Fanout {
    private static final Pattern MARK = Pattern.compile("benchmark-(\\d+)-(\\d+)-mark");

    private Fanout() {
    }

    static void run(Args args) throws Exception {
        URI ws = URI.create(args.required("ws"));
        URI postUrl = URI.create(args.required("post-url"));
        String postToken = args.required("post-token");
        String template = args.required("post-body");
        List<String> tokens = List.of(args.required("tokens").split(","));
        // --channels: each socket its own (a member's user channel, parallel to --tokens); else --channel for all
        String each = args.get("channels", null);
        List<String> channels = each != null ? List.of(each.split(",")) : List.of(args.required("channel"));
        int subscribers = args.getInt("subscribers", 1000);
        int rate = args.getInt("rate", 50);
        int warmupPosts = rate * args.getInt("warmup-seconds", 3);
        int measuredPosts = rate * args.getInt("seconds", 20);
        int totalPosts = warmupPosts + measuredPosts;
        Path out = Path.of(args.required("out"));
        long run = System.currentTimeMillis() % 1_000_000;

        AtomicLongArray sentAt = new AtomicLongArray(totalPosts);
        AtomicInteger measuredReceived = new AtomicInteger();
        AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch allDelivered = new CountDownLatch(1);
        Latencies delivery = new Latencies(Math.max(1, measuredPosts * subscribers));
        // a post may reach a subscriber twice (its message, then a session change quoting it): the first counts
        BitSet[] seen = new BitSet[subscribers];
        for (int i = 0; i < subscribers; i++) {
            seen[i] = new BitSet(totalPosts);
        }
        AtomicInteger repeated = new AtomicInteger();
        Sockets sockets = new Sockets(subscribers);
        sockets.open(ws, tokens, channels, 64, (socket, text, arrived) -> {
            Matcher m = MARK.matcher(text);
            while (m.find()) {
                if (Long.parseLong(m.group(1)) != run) {
                    continue;
                }
                int seq = Integer.parseInt(m.group(2));
                if (seq >= 0 && seq < totalPosts) {
                    synchronized (seen[socket]) {
                        if (seen[socket].get(seq)) {
                            repeated.incrementAndGet();
                            continue;
                        }
                        seen[socket].set(seq);
                    }
                    long sent = sentAt.get(seq);
                    if (seq >= warmupPosts && sent != 0) {
                        delivery.add(arrived - sent);
                        if (measuredReceived.incrementAndGet() >= expected.get()) {
                            allDelivered.countDown();
                        }
                    }
                }
            }
        }, Duration.ofSeconds(args.getInt("connect-seconds", 120)));
        System.out.printf("fanout: %d subscribed, %d failed, %d not answered%n", sockets.opened(), sockets.failed(),
                sockets.pending());

        expected.set((long) measuredPosts * sockets.opened());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Latencies answers = new Latencies(totalPosts);
        AtomicInteger postErrors = new AtomicInteger();
        ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allAnswered = new CountDownLatch(totalPosts);
        long periodNanos = 1_000_000_000L / rate;
        poster.scheduleAtFixedRate(() -> {
            int seq = next.getAndIncrement();
            if (seq >= totalPosts) {
                return;
            }
            String body = template.replace("@MARK@", "benchmark-" + run + "-" + seq + "-mark");
            HttpRequest request = HttpRequest.newBuilder(postUrl).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + postToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            sentAt.set(seq, start);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                answers.add(System.nanoTime() - start);
                allAnswered.countDown();
                if (error != null || response.statusCode() >= 300 || response.body().contains("\"status\":\"error\"")) {
                    if (postErrors.getAndIncrement() == 0) {
                        System.err.println("post failed: " + (error != null ? error : response.statusCode() + " " + response.body()));
                    }
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + (long) totalPosts * periodNanos + TimeUnit.SECONDS.toNanos(15);
        allAnswered.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        allDelivered.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        poster.shutdownNow();
        int opened = sockets.opened();
        sockets.closeAll();

        String json = "{\"subscribers\":" + opened + ",\"failed_to_open\":" + sockets.failed()
                + ",\"closed_by_server\":" + sockets.closedByPeer()
                + ",\"rate_per_s\":" + rate + ",\"posts\":" + measuredPosts + ",\"post_errors\":" + postErrors.get()
                + ",\"expected_deliveries\":" + expected.get() + ",\"deliveries\":" + measuredReceived.get()
                + ",\"repeated\":" + repeated.get()
                + "," + delivery.json("delivery") + "," + answers.json("post_answer") + "}";
        Files.writeString(out, json + "\n");
        System.out.println(json);
        System.exit(0);
    }
}
