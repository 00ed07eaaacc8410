package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.problem.ChatProblem;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an Odoo 16/17 worker sends on its WebSocket, handled as Odoo's server handles it. Odoo's worker reads
 * every frame as an array of notifications, so nothing but notifications is ever sent back:
 * <ul>
 *   <li>{@code subscribe}: the channels named, plus the user's own ({@code user:<id>}), which Odoo's server adds
 *   to every subscription and its client never names; names that are not this server's channels (Odoo's own
 *   channel names) are left out rather than refused;</li>
 *   <li>{@code update_presence}: the reported inactivity;</li>
 *   <li>any other event name is ignored, as Odoo ignores events no module handles.</li>
 * </ul>
 * A refused subscription (a channel of this server the user may not read) closes the socket with
 * {@value #REFUSED} and the reason; a frame that is not Odoo's JSON closes it with {@value #INCORRECT_DATA}.
 * Odoo's worker takes either close as a failure and reconnects with its growing delay.
 */
final class OdooBusFrames {
    static final int INCORRECT_DATA = 1003;
    static final int REFUSED = 1008;
    private static final Pattern OUR_CHANNEL = Pattern.compile("(user|presence|room|audience):.+");
    /** A close reason is at most 123 bytes. */
    private static final int MAX_REASON = 120;

    private final Listener listener;
    private final Feed feed;
    private final WebSocketConnection connection;
    private final ObjectMapper mapper;

    OdooBusFrames(Listener listener, Feed feed, WebSocketConnection connection, ObjectMapper mapper) {
        this.listener = listener;
        this.feed = feed;
        this.connection = connection;
        this.mapper = mapper;
    }

    void received(String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException notJson) {
            connection.closeWith(INCORRECT_DATA, "the frame is not JSON");
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("event_name").isTextual()) {
            connection.closeWith(INCORRECT_DATA, "event_name: a frame is {\"event_name\": ..., \"data\": {...}}");
            return;
        }
        try {
            switch (frame.get("event_name").asText()) {
                case "subscribe" -> feed.subscribe(withOwnChannels(ChannelRequests.subscription(frame.path("data"))));
                case "update_presence" -> ChannelRequests.inactivity(frame.path("data"), "inactivity_period")
                        .ifPresent(feed::reportInactivity);
                default -> {
                    // Odoo's server lets modules handle event names it does not know; none here does.
                }
            }
        } catch (ChatProblem problem) {
            String field = problem.field() == null ? "channels" : problem.field();
            connection.closeWith(REFUSED, shortened(field + ": " + problem.getMessage()));
        }
    }

    private SubscribeCommand withOwnChannels(SubscribeCommand asked) {
        Set<String> channels = new LinkedHashSet<>();
        listener.user().ifPresent(user -> channels.add(Channel.ofUser(user).name()));
        for (String name : asked.channels()) {
            if (OUR_CHANNEL.matcher(name).matches()) {
                channels.add(name);
            }
        }
        return new SubscribeCommand(List.copyOf(channels), asked.last());
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }
}
