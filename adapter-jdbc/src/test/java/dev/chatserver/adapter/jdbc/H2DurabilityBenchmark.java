package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Not a test: the measurements behind docs/DURABILITY.md. Posts messages into an H2 file database with the
 * given URL options, one writer and then many, with or without waiting for the group flush, and prints the
 * latency, the throughput and the size of the file. Run with the test classpath:
 * {@code java -cp ... dev.chatserver.adapter.jdbc.H2DurabilityBenchmark "<h2 options>" barrier|none [posts by one writer] [posts by each of 16 writers]}
 */
public final class H2DurabilityBenchmark {
    private static final MessageType TEXT = new MessageType("message");

    public static void main(String[] args) throws Exception {
        String options = args[0];
        boolean barrier = args[1].equals("barrier");
        int sequential = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int threads = 16;
        int perThread = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Path dir = Files.createTempDirectory("h2-durability");
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:h2:file:" + dir.resolve("chat") + options, "sa", "", 20);
        try (JdbcStorage storage = JdbcStorage.open(settings);
             ImServices im = new ImServices(storage.ports(), ImPolicy.defaults(), Clock.systemUTC())) {
            Transactions transactions = storage.ports().transactions();
            AccountRegistry registry = storage.ports().accounts();
            User poster = registry.register(new NewUser(new Login("a"), "A", ""), "h");
            UserId a = poster.id();
            UserId b = registry.register(new NewUser(new Login("b"), "B", ""), "h").id();
            List<ImSession> sessions = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                sessions.add(storage.ports().imSessions().findOrCreate(new NewSession(
                        SessionKey.privateBetween(a, b, Optional.of(new dev.chatserver.domain.im.DocumentRef("bench", "" + i))),
                        UUID.randomUUID(), Instant.now(), Optional.empty(), Optional.empty(), Set.of(a, b))));
            }
            Runnable[] post = new Runnable[threads];
            for (int i = 0; i < threads; i++) {
                ImSession session = sessions.get(i);
                // a post as the writer stores it, alone in its unit of work: decide, store, notify
                PostMessageCommand command = new PostMessageCommand(poster, session.uuid(), TEXT, "x".repeat(100));
                Supplier<Object> message = () -> im.posting.write(List.of(command));
                post[i] = barrier
                        ? () -> transactions.inTransaction(message)
                        : () -> storage.jdbi().inTransaction(h -> message.get());
            }
            long sizeBefore = size(dir);

            List<Long> single = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                long t0 = System.nanoTime();
                post[0].run();
                single.add(System.nanoTime() - t0);
            }
            double singleSeconds = (System.nanoTime() - start) / 1e9;
            print("1 writer", single, sequential / singleSeconds);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Long>>> futures = new ArrayList<>();
            start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Runnable mine = post[t];
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        long t0 = System.nanoTime();
                        mine.run();
                        latencies.add(System.nanoTime() - t0);
                    }
                    return latencies;
                }));
            }
            List<Long> concurrent = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                concurrent.addAll(f.get());
            }
            double concurrentSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            print(threads + " writers", concurrent, threads * perThread / concurrentSeconds);
            System.out.printf("file: %.1f MB before, %.1f MB after %d posts%n", sizeBefore / 1e6, size(dir) / 1e6,
                    sequential + threads * perThread);
        }
    }

    private static void print(String label, List<Long> nanos, double perSecond) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: median %.2f ms, p99 %.2f ms, max %.2f ms, %.0f posts/s%n", label,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, perSecond);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
