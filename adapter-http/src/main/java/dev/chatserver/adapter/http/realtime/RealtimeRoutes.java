package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.domain.problem.ChatProblem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two real-time transports: the WebSocket at {@code /websocket} (Odoo's protocol: the client sends
 * {@code {"event_name":"subscribe","data":{"channels":[...],"last":N}}} and receives batches
 * {@code [{"id":N,"channel":...,"message":{...}}]}) and Odoo's long-polling at {@code POST /longpolling/poll}.
 * Both authenticate with the session token (bearer or cookie) and share the subscription rights.
 */
public final class RealtimeRoutes implements Routes {
    public static final String WEBSOCKET_PATH = "/websocket";
    public static final String POLL_PATH = "/longpolling/poll";
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeRoutes.class);
    private static final String LISTENER_ATTRIBUTE = "realtime.listener";

    private final RealtimeCallers callers;
    private final OpenFeed feeds;
    private final Poll polls;
    private final TrackPresence presence;
    private final RealtimeSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper mapper;
    private final JsonRpc rpc;
    private final NotificationWriter writer;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final AtomicBoolean heartbeatStarted = new AtomicBoolean();

    private record Live(WebSocketConnection connection, Feed feed) {
    }

    @Inject
    RealtimeRoutes(RealtimeCallers callers, OpenFeed feeds, Poll polls, TrackPresence presence,
                   RealtimeSettings settings, ScheduledExecutorService scheduler, ObjectMapper mapper) {
        this.callers = callers;
        this.feeds = feeds;
        this.polls = polls;
        this.presence = presence;
        this.settings = settings;
        this.scheduler = scheduler;
        this.mapper = mapper;
        this.rpc = new JsonRpc(mapper);
        this.writer = new NotificationWriter(mapper, new ApiNotificationRenderer());
    }

    @Override
    public void addTo(Javalin app) {
        app.wsBeforeUpgrade(WEBSOCKET_PATH, ctx -> ctx.attribute(LISTENER_ATTRIBUTE, callers.require(ctx)));
        app.ws(WEBSOCKET_PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::received);
            ws.onClose(this::closed);
            ws.onError(ctx -> forget(ctx));
        });
        app.post(POLL_PATH, this::poll);
        // Held polls would otherwise hold the graceful stop for its whole timeout.
        app.unsafeConfig().events.serverStopping(polls::releaseHeld);
        app.unsafeConfig().events.serverStopped(scheduler::shutdownNow);
        if (heartbeatStarted.compareAndSet(false, true)) {
            long every = settings.pingInterval().toMillis();
            scheduler.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void connected(WsConnectContext ctx) {
        Listener listener = ctx.attribute(LISTENER_ATTRIBUTE);
        ctx.session.setIdleTimeout(settings.idleTimeout());
        WebSocketConnection connection = new WebSocketConnection(ctx.session, writer, settings.outboundBatches(), scheduler);
        Feed feed = feeds.open(listener, connection);
        connection.attach(feed);
        live.put(ctx.sessionId(), new Live(connection, feed));
    }

    private void received(WsMessageContext ctx) {
        Live connection = live.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        String eventName = "message";
        try {
            JsonNode message = parse(ctx.message());
            eventName = message.path("event_name").asText("");
            JsonNode data = message.path("data");
            switch (eventName) {
                case "subscribe" -> {
                    SubscribeCommand command = ChannelRequests.subscription(data);
                    connection.feed().subscribe(command);
                    connection.connection().sendEvent("subscribed", Map.of("channels", command.channels()));
                }
                case "update_presence" -> ChannelRequests.inactivity(data, "inactivity_period")
                        .ifPresent(connection.feed()::reportInactivity);
                default -> connection.connection().sendEvent("error", Map.of("message",
                        "unknown event_name \"" + eventName + "\": use subscribe or update_presence"));
            }
        } catch (ChatProblem problem) {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("status", "error");
            if (problem.field() != null) {
                refusal.put("field", problem.field());
            }
            refusal.put("message", problem.getMessage());
            connection.connection().sendEvent(eventName + "_refused", refusal);
        } catch (MalformedBody malformed) {
            connection.connection().sendEvent("error", Map.of("message", malformed.getMessage()));
        }
    }

    private void closed(WsCloseContext ctx) {
        forget(ctx);
    }

    private void forget(WsContext ctx) {
        Live gone = live.remove(ctx.sessionId());
        if (gone != null) {
            gone.feed().close();
        }
    }

    private void heartbeat() {
        try {
            live.forEach((id, connection) -> {
                if (connection.connection().isClosed()) {
                    live.remove(id);
                    connection.feed().close();
                } else {
                    connection.connection().heartbeat();
                }
            });
        } catch (RuntimeException unexpected) {
            LOG.error("the WebSocket heartbeat failed", unexpected);
        }
    }

    private void poll(Context ctx) {
        Listener listener = callers.require(ctx);
        JsonNode body = rpc.read(ctx).body();
        JsonNode params = body.has("params") && body.get("params").isObject() ? body.get("params") : body;
        SubscribeCommand command = ChannelRequests.subscription(params);
        ChannelRequests.inactivity(params.get("options"), "bus_inactivity")
                .ifPresent(idle -> listener.user().ifPresent(user -> presence.inactiveFor(user, idle)));
        CompletableFuture<LogRead> answer = polls.poll(listener, command);
        ctx.future(() -> answer.thenAccept(read -> {
            if (read.expired()) {
                Map<String, Object> refusal = new LinkedHashMap<>();
                refusal.put("status", "error");
                refusal.put("field", "last");
                refusal.put("message", "notifications after " + command.last()
                        + " are no longer kept: reload the history, then poll again with last=0");
                rpc.answer(ctx, refusal);
            } else {
                rpc.answer(ctx, writer.asTree(read.notifications()));
            }
        }));
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedBody("the message is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedBody("the message is not JSON");
        }
    }
}
