package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.in.presence.FollowPresence;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.ChatProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *   <li>{@code update_presence}: the reported inactivity, and the partners whose im_status the client wants
 *   ({@code im_status_ids_by_model["res.partner"]}): the subscription follows the {@code presence:} channels of
 *   those it may follow, and leaves the others out, as Odoo answers only for partners it can read;</li>
 *   <li>any other event name is ignored, as Odoo ignores events no module handles.</li>
 * </ul>
 * A {@code last} past the retention (or from before a restart of a single node) cannot be reported to the
 * worker: as Odoo's server gives what its bus still holds, the subscription starts again from the recent window
 * ({@code last = 0}), the connection dropping what it already delivered.
 *
 * <p>A refused subscription (a channel of this server the user may not read) closes the socket with
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
    private final FollowPresence presence;
    private final ObjectMapper mapper;
    /** The channels of this server the last subscribe frame named; null before the first. */
    private List<String> named;
    /** The last id the client gave, for a resubscription before anything was delivered. */
    private long clientLast;
    /** Whose presence the client asked for and may follow. */
    private Set<UserId> followed = Set.of();

    OdooBusFrames(Listener listener, Feed feed, WebSocketConnection connection, FollowPresence presence,
                  ObjectMapper mapper) {
        this.listener = listener;
        this.feed = feed;
        this.connection = connection;
        this.presence = presence;
        this.mapper = mapper;
        connection.whenExpired(this::fromRecentWindow);
    }

    synchronized void received(String text) {
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
                case "subscribe" -> subscribe(ChannelRequests.subscription(frame.path("data")));
                case "update_presence" -> updatePresence(frame.path("data"));
                default -> {
                    // Odoo's server lets modules handle event names it does not know; none here does.
                }
            }
        } catch (ChatProblem problem) {
            String field = problem.field() == null ? "channels" : problem.field();
            connection.closeWith(REFUSED, shortened(field + ": " + problem.getMessage()));
        }
    }

    private void subscribe(SubscribeCommand asked) {
        List<String> ours = new ArrayList<>();
        for (String name : asked.channels()) {
            if (OUR_CHANNEL.matcher(name).matches()) {
                ours.add(name);
            }
        }
        // As Odoo's server, take the client's last id once: later the connection knows better (frames in flight).
        clientLast = Math.max(clientLast, asked.last());
        long last = Math.max(clientLast, connection.lastDelivered());
        feed.subscribe(new SubscribeCommand(channels(ours, followed), last));
        named = ours;
    }

    private void updatePresence(JsonNode data) {
        ChannelRequests.inactivity(data, "inactivity_period").ifPresent(feed::reportInactivity);
        List<PartnerId> partners = OdooPresenceRequest.partners(data);
        Set<UserId> nowFollowed = listener.user()
                .map(user -> presence.followableBy(user, partners))
                .orElse(Set.of());
        if (nowFollowed.equals(followed)) {
            return;
        }
        if (named != null) {
            feed.subscribe(new SubscribeCommand(channels(named, nowFollowed),
                    Math.max(clientLast, connection.lastDelivered())));
        }
        followed = nowFollowed;
    }

    private synchronized void fromRecentWindow() {
        if (named == null) {
            return;
        }
        clientLast = 0;
        try {
            feed.subscribe(new SubscribeCommand(channels(named, followed), 0));
        } catch (ChatProblem problem) {
            connection.closeWith(REFUSED, shortened("channels: " + problem.getMessage()));
        }
    }

    /** The user's own channel, which Odoo's server adds to every subscription, then the rest. */
    private List<String> channels(List<String> ours, Set<UserId> presenceOf) {
        Set<String> channels = new LinkedHashSet<>();
        listener.user().ifPresent(user -> channels.add(Channel.ofUser(user).name()));
        channels.addAll(ours);
        presenceOf.forEach(user -> channels.add(Channel.ofPresence(user).name()));
        return List.copyOf(channels);
    }

    /** Cut to what a close frame carries, counted in UTF-8 bytes, never inside a character. */
    private static String shortened(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON) {
            return reason;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 3;
        for (int i = 0; i < reason.length(); ) {
            int codePoint = reason.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON) {
                break;
            }
            cut.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return cut.append("...").toString();
    }
}
