package dev.chatserver.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many clients at once, each uploading {@code --rounds} large files to {@code /im_chat/api/attachments} one after
 * the other. Each file is made as it is sent (pseudo-random bytes, a different file each time), so that the client
 * holds none whole either; the runner samples the server's heap meanwhile. One JSON line to {@code --out}.
 */
final class FileUploads {
    private static final String BOUNDARY = "benchmark-upload-boundary";

    private FileUploads() {
    }

    static void run(Args args) throws Exception {
        URI url = URI.create(args.required("url"));
        String token = args.required("token");
        String session = args.required("uuid");
        int clients = args.getInt("clients", 16);
        long bytes = args.getInt("size-mb", 25) * 1024L * 1024L;
        int rounds = args.getInt("rounds", 2);
        Path out = Path.of(args.required("out"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Latencies latencies = new Latencies(clients * rounds);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = http.send(upload(url, token, session, bytes,
                                    client * 1_000L + r), HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - sent);
                            if (answer.statusCode() >= 400 || !answer.body().contains("\"mimetype\"")) {
                                failed(errors, firstError, answer.statusCode() + " " + answer.body());
                            }
                        } catch (IOException | InterruptedException e) {
                            failed(errors, firstError, e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT,
                "{\"clients\":%d,\"rounds\":%d,\"bytes_each\":%d,\"uploads\":%d,\"seconds\":%.2f,\"errors\":%d,"
                        + "\"first_error\":\"%s\",%s}",
                clients, rounds, bytes, clients * rounds, seconds, errors.get(), escaped(firstError.get()),
                latencies.json("upload"));
        Files.writeString(out, line + "\n");
        System.out.println(line);
    }

    private static void failed(AtomicInteger errors, AtomicReference<String> first, String what) {
        errors.incrementAndGet();
        first.compareAndSet("", what.length() > 200 ? what.substring(0, 200) : what);
    }

    private static HttpRequest upload(URI url, String token, String session, long bytes, long seed) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"uuid\"\r\n\r\n" + session + "\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large-" + seed + ".bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new java.io.ByteArrayInputStream(head), new MadeBytes(bytes, seed),
                        new java.io.ByteArrayInputStream(tail))))), head.length + bytes + tail.length);
        return HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body).build();
    }

    private static String escaped(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(' ');
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }

    /** {@code length} pseudo-random bytes (xorshift), made as they are read. */
    private static final class MadeBytes extends InputStream {
        private long left;
        private long state;

        MadeBytes(long length, long seed) {
            this.left = length;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                buffer[offset + i] = (byte) state;
            }
            left -= n;
            return n;
        }
    }
}
