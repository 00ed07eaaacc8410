package dev.chatserver.application.port.in.realtime;

import java.time.Duration;

/** One live connection's subscription to the bus. */
public interface Feed extends AutoCloseable {
    /**
     * Replaces the channels this feed listens to and first hands the sink everything after
     * {@code command.last()} on them. A channel the user may not read refuses the whole call
     * ({@code AccessDenied}) and leaves the previous subscription in place.
     */
    void subscribe(SubscribeCommand command);

    /** The sink has room again: the catch-up, if one is paused, goes on. */
    void drained();

    /** The client reports how long its user has been idle (0: active right now). */
    void reportInactivity(Duration inactivity);

    /** Stops delivery; the user's connection no longer counts for presence. */
    @Override
    void close();
}
