package dev.chatserver.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of this machine: the server's HTTP stack (Javalin, Jetty, Jackson) with nothing behind it. Every
 * POST parses its JSON body as the server's JSON-RPC routes do, reads the params, and answers a constant. It
 * listens on 127.0.0.1 only and stops by itself after {@code --max-seconds}, or at SIGTERM.
 */
final class Ceiling {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"message_id\":1}}"
            .getBytes(StandardCharsets.UTF_8);

    private Ceiling() {
    }

    static void run(Args args) throws InterruptedException {
        int port = args.getInt("port", 0);
        int maxSeconds = args.getInt("max-seconds", 600);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = "127.0.0.1";
        });
        app.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "up")));
        app.post("/*", ctx -> {
            JsonNode body = MAPPER.readTree(ctx.bodyInputStream());
            JsonNode params = body.has("params") ? body.get("params") : body;
            if (!params.isObject()) {
                ctx.status(400);
            }
            ctx.contentType("application/json").result(ANSWER);
        });
        app.start(port);
        System.out.println("ceiling listening on 127.0.0.1:" + app.port());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stop.countDown();
        }, "ceiling-stop"));
        if (!stop.await(maxSeconds, TimeUnit.SECONDS)) {
            app.stop();
        }
    }
}
