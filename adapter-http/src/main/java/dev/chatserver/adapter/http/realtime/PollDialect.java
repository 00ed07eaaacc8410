package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.in.realtime.Listener;
import io.javalin.http.Context;

/**
 * Another client's way of long-polling on {@code /longpolling/poll} (its own channel names and message
 * shapes), recognised from the params of the call. A poll no dialect recognises is this server's own.
 */
public interface PollDialect {
    /** Whether these params (of the JSON-RPC call, already read) are this dialect's. */
    boolean recognises(JsonNode params);

    /** Answers the poll of {@code listener} in the dialect's shapes, in the call's JSON-RPC envelope. */
    void poll(Context ctx, Listener listener, JsonNode params);
}
