package dev.chatserver.adapter.http.odoo8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.realtime.PollAnswers;
import dev.chatserver.adapter.http.realtime.PollDialect;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.Poll;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Odoo 8's bus poll on {@code /longpolling/poll}: {@code {"channels":[...tuples...],"last":N,"options":{"im_presence":true}}}.
 * Recognised by its {@code im_presence} option or an im_chat tuple channel. As 8.0's im_chat does, the caller
 * always listens on their own session channel and on the presence channel, whatever channels they name; the
 * answer is {@code [{"id":N,"channel":[db,"im_chat.session",uid],"message":{...bare...}}]}, bounded in bytes as
 * every poll answer ({@link PollAnswers}).
 *
 * <p>8.0's client cannot reload on an expired {@code last}: it would retry the same poll forever. So, as
 * Odoo 8's own bus does, a {@code last} older than the retention gets what is recent ({@code last = 0}).
 */
public final class Odoo8Poll implements PollDialect {
    private static final String PRESENCE_OPTION = "im_presence";

    private final Poll polls;
    private final TrackPresence presence;
    private final Authenticator authenticator;
    private final Odoo8Directory directory;
    private final Odoo8Channels channels;
    private final Odoo8NotificationRenderer renderer = new Odoo8NotificationRenderer();
    private final JsonRpc rpc;
    private final ObjectMapper mapper;
    private final long answerBytes;

    @Inject
    Odoo8Poll(Poll polls, TrackPresence presence, Authenticator authenticator, Odoo8Directory directory,
              Odoo8Settings settings, ObjectMapper mapper, RealtimeSettings realtime) {
        this.polls = polls;
        this.mapper = mapper;
        this.answerBytes = realtime.bytes().pollAnswer();
        this.presence = presence;
        this.authenticator = authenticator;
        this.directory = directory;
        this.channels = new Odoo8Channels(settings);
        this.rpc = new JsonRpc(mapper);
    }

    @Override
    public boolean recognises(JsonNode params) {
        if (params.path("options").has(PRESENCE_OPTION)) {
            return true;
        }
        for (JsonNode channel : params.path("channels")) {
            if (Odoo8Channels.isImChatTuple(channel)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void poll(Context ctx, Listener listener, JsonNode params) {
        User caller = authenticator.requireUser(ctx);
        List<String> names = channelNames(caller, params.get("channels"));
        long last = last(params.get("last"));
        JsonNode active = params.path("options").get(PRESENCE_OPTION);
        if (active != null && active.isBoolean() && active.booleanValue()) {
            presence.inactiveFor(caller.id(), Duration.ZERO);
        }
        CompletableFuture<LogRead> answer = polls.poll(listener, new SubscribeCommand(names, last))
                .thenCompose(read -> read.expired()
                        ? polls.poll(listener, new SubscribeCommand(names, 0))
                        : CompletableFuture.completedFuture(read));
        ctx.future(() -> answer.thenAccept(read -> rpc.answer(ctx,
                PollAnswers.within(read.notifications(), this::written, answerBytes))));
    }

    private List<String> channelNames(User caller, JsonNode requested) {
        if (requested != null && !requested.isNull() && !requested.isArray()) {
            throw new InvalidInput("channels", "channels is not list");
        }
        if (requested != null) {
            for (JsonNode channel : requested) {
                channels.check(channel, caller.id());
            }
        }
        List<String> names = new ArrayList<>();
        names.add(Channel.ofUser(caller.id()).name());
        for (UserId followed : directory.followed(caller)) {
            names.add(Channel.ofPresence(followed).name());
        }
        return names;
    }

    private static long last(JsonNode last) {
        if (last == null || last.isNull()) {
            return 0;
        }
        if (!last.isIntegralNumber() || !last.canConvertToLong() || last.longValue() < 0) {
            throw new InvalidInput("last", "last is the id of the last notification seen, an integer, 0 or more");
        }
        return last.longValue();
    }

    private String written(Notification notification) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", notification.id());
        entry.put("channel", channels.tupleOf(notification.channel()));
        entry.put("message", renderer.render(notification.event()));
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a notification could not be written as JSON", unwritable);
        }
    }
}
