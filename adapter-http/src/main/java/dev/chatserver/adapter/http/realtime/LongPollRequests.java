package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.application.port.out.notification.Channel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a long-poll listens to, as Odoo's server decides it: the channels the client names plus the caller's
 * own, which Odoo's web client never names (its server adds them to every poll). A user's own channel is
 * {@code user:<id>}, where everything Odoo sends to the partner's and the user's channels arrives here; a
 * tenant's backend has none.
 */
final class LongPollRequests {
    private LongPollRequests() {
    }

    static SubscribeCommand of(JsonNode params, Listener listener) {
        SubscribeCommand named = ChannelRequests.subscription(params);
        List<String> channels = new ArrayList<>(named.channels());
        for (String own : ownChannels(listener)) {
            if (!channels.contains(own)) {
                channels.add(own);
            }
        }
        return new SubscribeCommand(channels, named.last());
    }

    static List<String> ownChannels(Listener listener) {
        return listener.user().map(user -> List.of(Channel.ofUser(user).name())).orElse(List.of());
    }
}
