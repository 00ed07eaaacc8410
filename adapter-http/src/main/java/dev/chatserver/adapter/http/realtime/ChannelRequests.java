package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.http.StorableText;
import dev.chatserver.application.port.in.realtime.SubscribeCommand;
import dev.chatserver.domain.problem.InvalidInput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code {"channels":[...],"last":N}} (a subscription or a poll) and inactivity reports from JSON. */
final class ChannelRequests {
    private ChannelRequests() {
    }

    static SubscribeCommand subscription(JsonNode data) {
        JsonNode channels = data.get("channels");
        if (channels == null || !channels.isArray()) {
            throw new InvalidInput("channels", "channels is not list");
        }
        List<String> names = new ArrayList<>(channels.size());
        for (JsonNode channel : channels) {
            if (!channel.isTextual()) {
                throw new InvalidInput("channels", "each channel is a string such as \"user:5\"");
            }
            names.add(StorableText.checked("channels", channel.textValue()));
        }
        return new SubscribeCommand(names, last(data));
    }

    /** An idle time in milliseconds under {@code field}, when the client reported one. */
    static Optional<Duration> inactivity(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new InvalidInput(field, field + " is a number of milliseconds, 0 or more");
        }
        return Optional.of(Duration.ofMillis(value.longValue()));
    }

    private static long last(JsonNode data) {
        JsonNode last = data.get("last");
        if (last == null || last.isNull()) {
            return 0;
        }
        if (!last.isIntegralNumber() || !last.canConvertToLong()) {
            throw new InvalidInput("last", "last is the id of the last notification seen, an integer");
        }
        return last.longValue();
    }
}
