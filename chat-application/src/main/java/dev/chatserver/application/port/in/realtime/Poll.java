package dev.chatserver.application.port.in.realtime;

import dev.chatserver.application.port.out.notification.LogRead;

import java.util.concurrent.CompletableFuture;

/**
 * One long-poll: answers at once when something after {@code last} exists on the channels, otherwise
 * completes when something arrives or with nothing once the poll timeout passed, holding no thread meanwhile.
 * Expired when {@code last} is older than what is retained. Rights are checked before anything is held.
 */
public interface Poll {
    CompletableFuture<LogRead> poll(Listener listener, SubscribeCommand command);

    /** Answers every held poll with nothing at once, as when the server stops. */
    void releaseHeld();
}
