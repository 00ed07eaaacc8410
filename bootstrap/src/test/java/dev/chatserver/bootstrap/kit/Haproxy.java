package dev.chatserver.bootstrap.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy run by the test with the project's shipped configuration, {@code deploy/haproxy.cfg}, its
 * addresses given through the environment as an operator gives them; a second file of the test's own adds a
 * stats page, from which the test learns when the proxy counts a node up.
 */
public final class Haproxy implements AutoCloseable {
    private static final Path SHIPPED = Path.of("..", "deploy", "haproxy.cfg");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path output;
    private final int port;
    private final int statsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private Haproxy(Process process, Path output, int port, int statsPort) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.statsPort = statsPort;
    }

    /** Starts the proxy in front of the nodes on these ports (node1, node2, node3 in the shipped file). */
    public static Haproxy inFrontOf(Path workDir, List<Integer> nodePorts) {
        if (!Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
            throw new IllegalStateException("HAProxy is missing: apt-get install haproxy (.ci/run installs it)");
        }
        try {
            int port = ServerProcess.freePort();
            int statsPort = ServerProcess.freePort();
            Path stats = workDir.resolve("stats.cfg");
            Files.writeString(stats, """
                    listen stats
                        bind 127.0.0.1:%d
                        stats enable
                        stats uri /stats
                    """.formatted(statsPort));
            Path output = Files.createTempFile(workDir, "haproxy", ".log");
            ProcessBuilder builder = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", SHIPPED.toString(), "-f",
                    stats.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.put("CHAT_PROXY_BIND", "127.0.0.1:" + port);
            for (int i = 0; i < nodePorts.size(); i++) {
                env.put("CHAT_NODE_" + (i + 1), "127.0.0.1:" + nodePorts.get(i));
            }
            Haproxy proxy = new Haproxy(builder.start(), output, port, statsPort);
            proxy.awaitUp(nodePorts.size());
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the proxy's checks count {@code node} (node1, node2, node3) up. */
    public void awaitNodeUp(String node) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"UP".equals(status(node))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(node + " is not up behind the proxy: " + status(node));
            }
            pause();
        }
    }

    private void awaitUp(int nodes) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited: " + output());
            }
            try {
                for (int i = 1; i <= nodes; i++) {
                    awaitNodeUp("node" + i);
                }
                return;
            } catch (UncheckedIOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("HAProxy did not start: " + output(), notYet);
                }
                pause();
            }
        }
    }

    /** The node's status as the proxy's checks see it: UP, DOWN, or a transition such as "UP 1/2". */
    public String status(String node) {
        try {
            String csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return csv.lines().map(line -> line.split(","))
                    .filter(fields -> fields.length > 17 && fields[0].equals("chat_nodes") && fields[1].equals(node))
                    .map(fields -> fields[17]).findFirst().orElse("absent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
