package dev.chatserver.adapter.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the chat's {@link Routes} see when they are mounted on a host's app: every path they add gets the prefix,
 * and their exception handlers answer failures of the chat's own handlers only, so the host's stay in charge of
 * its routes. Handlers of the chat's own exception types are also given to the host, which is where a failed
 * asynchronous answer ({@code ctx.future}) ends up; the host's code never throws those.
 */
final class MountedApp extends Javalin {
    static final String PREFIX_ATTRIBUTE = "chat.mount-prefix";

    private final Javalin host;
    private final String prefix;
    private final Map<Class<?>, ExceptionHandler<Exception>> handlers = new LinkedHashMap<>();

    MountedApp(Javalin host, String prefix) {
        super(host.unsafeConfig());
        this.host = host;
        this.prefix = prefix;
    }

    @Override
    public Javalin addEndpoint(Endpoint endpoint) {
        host.addEndpoint(new Endpoint(endpoint.getMethod(), prefixed(endpoint.getPath()),
                endpoint.getRoles().toArray(new RouteRole[0]), guarded(endpoint.getHandler())));
        return this;
    }

    @Override
    public Javalin addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> ws, RouteRole... roles) {
        host.addWsHandler(type, prefixed(path), ws, roles);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Exception> Javalin exception(Class<E> type, ExceptionHandler<? super E> handler) {
        handlers.put(type, (ExceptionHandler<Exception>) handler);
        if (type.getName().startsWith("dev.chatserver.")) {
            host.exception(type, handler);
        }
        return this;
    }

    @Override
    public <E extends Exception> Javalin wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        host.wsException(type, handler);
        return this;
    }

    @Override
    public Javalin error(int status, String contentType, Handler handler) {
        throw new UnsupportedOperationException("a mounted chat leaves error pages to the host");
    }

    @Override
    public Javalin start(String host, int port) {
        throw new UnsupportedOperationException("the host application starts its own server");
    }

    @Override
    public Javalin stop() {
        throw new UnsupportedOperationException("the host application stops its own server");
    }

    private String prefixed(String path) {
        return "*".equals(path) ? prefix + "/*" : prefix + path;
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.attribute(PREFIX_ATTRIBUTE, prefix);
            try {
                handler.handle(ctx);
            } catch (Exception failure) {
                ExceptionHandler<Exception> answer = handlerFor(failure.getClass());
                if (answer == null) {
                    throw failure;
                }
                answer.handle(failure, ctx);
                // as when Javalin answers a failure itself: a refusal in a before-handler ends the request there
                ctx.skipRemainingHandlers();
            }
        };
    }

    private ExceptionHandler<Exception> handlerFor(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            ExceptionHandler<Exception> handler = handlers.get(candidate);
            if (handler != null) {
                return handler;
            }
        }
        return null;
    }

    /** The request's path as the chat's routes know it: without the prefix it is mounted under. */
    static String pathInMount(Context ctx) {
        String prefix = ctx.attribute(PREFIX_ATTRIBUTE);
        String path = ctx.path();
        return prefix != null && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
