package dev.chatserver.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@code --connections} WebSockets, each subscribed to one channel, and holds them idle. Once they are
 * all open it writes {@code --ready} (a JSON line saying how many opened); then it holds them until the file
 * {@code --release} appears or {@code --hold-seconds} pass, closes them all and exits.
 */
final class IdleConnections {
    private IdleConnections() {
    }

    static void run(Args args) throws Exception {
        URI ws = URI.create(args.required("ws"));
        List<String> tokens = List.of(args.required("tokens").split(","));
        String channel = args.required("channel");
        int connections = args.getInt("connections", 10_000);
        Path ready = Path.of(args.required("ready"));
        Path release = Path.of(args.required("release"));
        Duration hold = args.seconds("hold-seconds", 120);

        long start = System.nanoTime();
        Sockets sockets = new Sockets(connections);
        sockets.open(ws, tokens, List.of(channel), args.getInt("in-flight", 128), (socket, text, arrived) -> { },
                Duration.ofSeconds(args.getInt("connect-seconds", 180)));
        double openSeconds = (System.nanoTime() - start) / 1e9;
        String json = String.format(java.util.Locale.ROOT,
                "{\"wanted\":%d,\"opened\":%d,\"failed_to_open\":%d,\"not_subscribed\":%d,\"open_seconds\":%.1f}",
                connections, sockets.opened(), sockets.failed(), sockets.pending(), openSeconds);
        Files.writeString(ready, json + "\n");
        System.out.println(json);

        ReleaseWatch.await(release, hold);
        System.out.printf("idle: %d of %d still open when released%n",
                sockets.opened() - sockets.closedByPeer(), sockets.opened());
        sockets.closeAll();
        System.exit(0);
    }
}
