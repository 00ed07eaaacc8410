package dev.chatserver.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.metrics.RequestMeter;
import dev.chatserver.adapter.http.metrics.ServerMetrics;
import dev.chatserver.adapter.http.problem.ErrorResponses;
import dev.chatserver.adapter.http.problem.JettyErrors;
import dev.chatserver.adapter.http.problem.TargetKeepingConnections;
import dev.chatserver.adapter.http.web.WebClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsHandlerType;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Javalin server: every area's routes, one log line per request, errors in each API's own shape. */
public final class HttpServer {
    private static final Logger REQUESTS = LoggerFactory.getLogger("http.request");

    private final Javalin app;
    private final HttpSettings settings;
    private final List<RegisteredRoute> registered = new CopyOnWriteArrayList<>();

    public HttpServer(HttpSettings settings, ObjectMapper mapper, Set<Routes> routes) {
        this(settings, mapper, routes, RequestMeter.NONE);
    }

    /** {@code meter} is told of every request answered, by route template and status. */
    public HttpServer(HttpSettings settings, ObjectMapper mapper, Set<Routes> routes, RequestMeter meter) {
        this.settings = settings;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new LineEndedJson(mapper));
            // a known route asked with another method is 405 with Allow (ErrorResponses), not 404
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodySize();
            config.appData(RequestBody.MAX_SIZE, settings.maxBodySize());
            config.jetty.modifyServer(server -> {
                // Holding requests in flight is what lets a stop wait for them instead of cutting them off.
                server.setHandler(new StatisticsHandler());
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.setStopAtShutdown(false);
                server.setErrorHandler(new JettyErrors(mapper));
            });
            // Javalin's own connector, but with connections that keep the target for errors Jetty answers itself.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new TargetKeepingConnections(http));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                return connector;
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors(mapper)));
            WebClient.serve(config);
            config.requestLogger.http((ctx, millis) -> {
                if (settings.accessLog()) {
                    REQUESTS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
                }
                meter.answered(ctx.method().name(), routeOf(ctx), ctx.statusCode(), (long) (millis * 1_000_000));
            });
            config.events.handlerAdded(added -> {
                if (added.getHttpMethod().isHttpMethod()) {
                    registered.add(new RegisteredRoute(added.getHttpMethod().name(), added.getPath(), false));
                }
            });
            config.events.wsHandlerAdded(added -> {
                if (added.getHandlerType() == WsHandlerType.WEBSOCKET) {
                    registered.add(new RegisteredRoute(HandlerType.GET.name(), added.getPath(), true));
                }
            });
        });
        new ErrorResponses().addTo(app);
        routes.forEach(r -> r.addTo(app));
    }

    /**
     * The route template that answered, or one name for every request no route answered (no route matched, or
     * a before-handler refused it first): Javalin then still stands in its before-handlers.
     */
    private static String routeOf(Context ctx) {
        if (ctx.handlerType() == HandlerType.BEFORE) {
            return ServerMetrics.UNMATCHED;
        }
        String route = ctx.endpointHandlerPath();
        return route == null || route.isEmpty() ? ServerMetrics.UNMATCHED : route;
    }

    /** Every HTTP route and WebSocket registered, in the order the areas added them. */
    public List<RegisteredRoute> routes() {
        return List.copyOf(registered);
    }

    /** Starts listening; answers the port, which is the chosen one when the settings asked for 0. */
    public int start() {
        app.start(settings.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting, lets requests in flight finish within the stop timeout, then closes. */
    public void stop() {
        app.stop();
    }
}
