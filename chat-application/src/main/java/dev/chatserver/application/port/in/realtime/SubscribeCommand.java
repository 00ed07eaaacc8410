package dev.chatserver.application.port.in.realtime;

import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;

/**
 * Which channels a client listens to and the id of the last notification it saw ({@code 0}: none yet, in
 * which case it gets what arrived within the recent window). The same for a WebSocket subscription and for a
 * long-poll.
 */
public record SubscribeCommand(List<String> channels, long last) {
    public static final int MAX_CHANNELS = 1_000;

    public SubscribeCommand {
        if (channels == null) {
            throw new InvalidInput("channels", "channels is not list");
        }
        if (channels.size() > MAX_CHANNELS) {
            throw new InvalidInput("channels", "at most " + MAX_CHANNELS + " channels at once");
        }
        for (String channel : channels) {
            if (channel == null || channel.isBlank()) {
                throw new InvalidInput("channels", "a channel name is a non-empty string");
            }
        }
        if (last < 0) {
            throw new InvalidInput("last", "last is the id of the last notification seen, 0 or more");
        }
        channels = List.copyOf(channels);
    }
}
