package dev.chatserver.bootstrap.kit;

import com.google.inject.Module;
import dev.chatserver.bootstrap.ChatServer;
import dev.chatserver.bootstrap.Options;
import dev.chatserver.bootstrap.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real server, wired as in production, on a free port; closed by the test. */
public final class RunningServer implements AutoCloseable {
    private final ChatServer server;
    private final ApiClient client;

    private RunningServer(ChatServer server) {
        this.server = server;
        this.client = new ApiClient("http://127.0.0.1:" + server.port());
    }

    /** In memory, with the demo users. */
    public static RunningServer inMemory(Module... overrides) {
        return start(List.of("--storage", "memory", "--demo"), overrides);
    }

    /** With the given flags (port 0 unless they say otherwise). */
    public static RunningServer start(List<String> flags, Module... overrides) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1"));
        args.addAll(flags);
        Settings settings = Settings.from(Options.parse(args.toArray(String[]::new), Map.of()));
        return new RunningServer(ChatServer.start(settings, overrides));
    }

    public ApiClient client() {
        return client;
    }

    public int port() {
        return server.port();
    }

    public ChatServer server() {
        return server;
    }

    public <T> T get(Class<T> type) {
        return server.injector().getInstance(type);
    }

    @Override
    public void close() {
        server.close();
    }
}
