package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.OdooServerError;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.OpenFeed;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;
import dev.chatserver.domain.problem.Unauthenticated;
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
import java.util.Set;
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
    /** A connection past a per-client bound is closed with this standard code and the bound as its reason. */
    static final int POLICY_VIOLATION = 1008;
    /**
     * The largest text frame a client may send (a subscription with the most channels is far smaller); a larger
     * one closes the socket with 1009 (message too big), as Jetty does past this size.
     */
    static final int MAX_INBOUND_BYTES = 64 * 1024;
    private static final String ODOO_ATTRIBUTE = "realtime.odoo";

    private final RealtimeCallers callers;
    private final OpenFeed feeds;
    private final Poll polls;
    private final TrackPresence presence;
    private final RealtimeSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper mapper;
    private final JsonRpc rpc;
    private final NotificationWriter writer;
    private final Set<PollDialect> dialects;
    private final OdooWebSockets odoo;
    private final OutboundBudget budget;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final AtomicBoolean heartbeatStarted = new AtomicBoolean();

    /** {@code odoo}: the frames of an Odoo worker's connection, null on a connection of docs/realtime.md. */
    private record Live(WebSocketConnection connection, Feed feed, OdooBusFrames odoo) {
    }

    @Inject
    RealtimeRoutes(RealtimeCallers callers, OpenFeed feeds, Poll polls, TrackPresence presence,
                   RealtimeSettings settings, ScheduledExecutorService scheduler, ObjectMapper mapper,
                   Set<PollDialect> dialects, OdooWebSockets odoo, OutboundBudget budget) {
        this.odoo = odoo;
        this.budget = budget;
        this.callers = callers;
        this.feeds = feeds;
        this.polls = polls;
        this.presence = presence;
        this.settings = settings;
        this.scheduler = scheduler;
        this.mapper = mapper;
        this.rpc = new JsonRpc(mapper);
        this.writer = new NotificationWriter(mapper, new ApiNotificationRenderer());
        this.dialects = Set.copyOf(dialects);
    }

    @Override
    public void addTo(Javalin app) {
        app.wsBeforeUpgrade(WEBSOCKET_PATH, ctx -> {
            ctx.attribute(LISTENER_ATTRIBUTE, callers.require(ctx));
            ctx.attribute(ODOO_ATTRIBUTE, odoo.versionOf(ctx).orElse(null));
        });
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
        OdooBusVersion odooVersion = ctx.attribute(ODOO_ATTRIBUTE);
        ctx.session.setIdleTimeout(settings.idleTimeout());
        ctx.session.setMaxTextMessageSize(MAX_INBOUND_BYTES);
        ctx.session.setMaxBinaryMessageSize(MAX_INBOUND_BYTES);
        WebSocketConnection connection = new WebSocketConnection(ctx.session,
                odooVersion == null ? writer : odoo.writer(odooVersion), settings.outboundBatches(), budget,
                listener.holder(), scheduler, odooVersion != null);
        Feed feed;
        try {
            feed = feeds.open(listener, connection);
        } catch (Unauthenticated signedOutMeanwhile) {
            connection.forget();
            ctx.closeSession(WebSocketConnection.SESSION_EXPIRED, WebSocketConnection.SESSION_EXPIRED_REASON);
            return;
        } catch (ChatProblem refused) {
            connection.forget();
            ctx.closeSession(POLICY_VIOLATION, refused.getMessage());
            return;
        }
        connection.attach(feed);
        live.put(ctx.sessionId(), new Live(connection, feed,
                odooVersion == null ? null : odoo.frames(listener, feed, connection)));
    }

    private void received(WsMessageContext ctx) {
        Live connection = live.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        if (connection.odoo() != null) {
            connection.odoo().received(ctx.message());
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
            gone.connection().forget();
            gone.feed().close();
        }
    }

    private void heartbeat() {
        try {
            live.forEach((id, connection) -> {
                if (connection.connection().isClosed()) {
                    live.remove(id);
                    connection.connection().forget();
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
        RpcParams params = rpc.read(ctx).params();
        for (PollDialect dialect : dialects) {
            if (dialect.recognises(params.json())) {
                dialect.poll(ctx, listener, params.json());
                return;
            }
        }
        SubscribeCommand command;
        CompletableFuture<LogRead> answer;
        try {
            command = LongPollRequests.of(params.json(), listener);
            ChannelRequests.inactivity(params.json().get("options"), "bus_inactivity")
                    .ifPresent(idle -> listener.user().ifPresent(user -> presence.inactiveFor(user, idle)));
            answer = polls.poll(listener, command);
        } catch (ChatProblem refused) {
            // a state refusal (too many held polls) is no fault of a parameter
            OdooServerError.answer(ctx, refused, refused instanceof Refused ? null : "channels");
            return;
        }
        ctx.future(() -> answer.thenAccept(read -> {
            if (read.expired()) {
                OdooServerError.answer(ctx, new InvalidInput("last", "notifications after " + command.last()
                        + " are no longer kept: reload the history, then poll again with last=0"), "last");
            } else {
                rpc.answer(ctx, writer.pollAnswer(read.notifications(), settings.bytes().pollAnswer()));
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
