package dev.chatserver.application.port.in.realtime;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;

/**
 * What one client may hold on one node: open WebSockets per user (or per backend account), channels per
 * subscription or poll, and long-polls held at once per user.
 */
public record ConnectionLimits(int socketsPerUser, int channelsPerSubscription, int heldPollsPerUser) {
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(32, 100, 8);

    public ConnectionLimits {
        if (socketsPerUser < 1 || heldPollsPerUser < 1) {
            throw new IllegalArgumentException("sockets and held polls per user must be positive");
        }
        if (channelsPerSubscription < 1 || channelsPerSubscription > SubscribeCommand.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels per subscription must be between 1 and "
                    + SubscribeCommand.MAX_CHANNELS);
        }
    }

    /** {@code InvalidInput} on {@code channels} when a subscription or poll names more than the bound. */
    public void requireChannelsWithin(List<String> channels) {
        if (channels.size() > channelsPerSubscription) {
            throw new InvalidInput("channels", "at most " + channelsPerSubscription
                    + " channels per subscription or poll, not " + channels.size());
        }
    }
}
