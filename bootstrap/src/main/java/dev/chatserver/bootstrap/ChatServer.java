package dev.chatserver.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.chatserver.adapter.http.HttpServer;
import dev.chatserver.adapter.http.RegisteredRoute;
import dev.chatserver.adapter.http.metrics.RequestMeter;
import dev.chatserver.adapter.http.metrics.ServerMetrics;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.application.port.out.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The whole server: storage, wiring and HTTP. Embedders and tests start it in-process; {@link Main} wraps it. */
public final class ChatServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

    private final Storage storage;
    private final Injector injector;
    private final HttpServer http;
    private final int port;
    private final Optional<H2Backups> backups;

    private ChatServer(Storage storage, Injector injector, HttpServer http, int port, Optional<H2Backups> backups) {
        this.storage = storage;
        this.injector = injector;
        this.http = http;
        this.port = port;
        this.backups = backups;
    }

    /**
     * Opens the storage, wires every feature and starts serving. {@code overrides} replace bindings, e.g. a
     * clock that tests move by hand.
     */
    public static ChatServer start(Settings settings, Module... overrides) {
        // before anything is opened or created on disk, so that a busy port is told at once and leaves nothing behind
        ensurePortFree(settings);
        Storage storage = StorageFactory.open(settings);
        try {
            Injector injector = injector(settings, storage, overrides);
            if (settings.demo()) {
                injector.getInstance(DemoData.class).ensurePresent();
            }
            Set<Routes> routes = injector.getInstance(Key.get(new TypeLiteral<Set<Routes>>() { }));
            Optional<ServerMetrics> metrics = injector.getInstance(Key.get(new TypeLiteral<Optional<ServerMetrics>>() { }));
            HttpServer http = new HttpServer(settings.http(), injector.getInstance(com.fasterxml.jackson.databind.ObjectMapper.class), routes,
                    metrics.<RequestMeter>map(m -> m::answered).orElse(RequestMeter.NONE));
            Optional<H2Backups> backups = H2Backups.start(settings, storage);
            int port;
            try {
                port = listen(http, settings);
            } catch (RuntimeException e) {
                backups.ifPresent(H2Backups::close);
                throw e;
            }
            LOG.info("chat server listening on port {} with {} storage", port, settings.storage().name().toLowerCase());
            return new ChatServer(storage, injector, http, port, backups);
        } catch (CreationException | ProvisionException e) {
            storage.close();
            throw startupFailureIn(e).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    static Injector injector(Settings settings, Storage storage, Module... overrides) {
        try {
            // the library's wiring (ChatModule), so the server and an embedder run on one list of modules
            return Guice.createInjector(Modules.override(new ChatModule(storage, settings)).with(overrides));
        } catch (CreationException | ProvisionException e) {
            throw startupFailureIn(e).orElseThrow(() -> e);
        }
    }

    /** A setting refused while a module was providing something reaches here wrapped by Guice. */
    private static java.util.Optional<StartupFailure> startupFailureIn(RuntimeException wrapped) {
        for (Throwable cause = wrapped; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupFailure failure) {
                return java.util.Optional.of(failure);
            }
        }
        java.util.Collection<com.google.inject.spi.Message> messages = wrapped instanceof CreationException creation
                ? creation.getErrorMessages() : ((ProvisionException) wrapped).getErrorMessages();
        return messages.stream().map(com.google.inject.spi.Message::getCause)
                .filter(StartupFailure.class::isInstance).map(StartupFailure.class::cast).findFirst();
    }

    private static int listen(HttpServer http, Settings settings) {
        try {
            return http.start();
        } catch (Exception e) { // Javalin rethrows checked exceptions unchecked; the port was free a moment ago
            throw new StartupFailure("--port " + settings.http().port() + ": cannot listen (" + e.getMessage() + ")");
        }
    }

    /** Javalin reports a busy port with a stack trace, and only once all is wired; asking first gives one clear line at once. */
    private static void ensurePortFree(Settings settings) {
        String host = settings.http().host();
        int port = settings.http().port();
        String setting = "--port " + port;
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new StartupFailure(setting + ": already in use");
        } catch (IOException e) {
            throw new StartupFailure(setting + ": cannot listen (" + e.getMessage() + ")");
        }
    }

    public int port() {
        return port;
    }

    /** Every HTTP route and WebSocket this server registered. */
    public List<RegisteredRoute> routes() {
        return http.routes();
    }

    public Injector injector() {
        return injector;
    }

    /** Lets requests in flight finish, then closes the storage: nothing acknowledged is lost. */
    @Override
    public void close() {
        http.stop();
        injector.getInstance(dev.chatserver.application.write.GroupCommit.class).close();
        injector.getInstance(MailSchedule.class).stop();
        backups.ifPresent(H2Backups::close);
        storage.close();
        injector.getInstance(Key.get(new TypeLiteral<Optional<ServerMetrics>>() { })).ifPresent(ServerMetrics::close);
        LOG.info("chat server stopped");
    }
}
