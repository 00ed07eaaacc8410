package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.Event;

import java.util.concurrent.CompletableFuture;

/** Any authenticated account may post events into a chat's open room. */
public interface PostEvents {
    /**
     * The event as stored (or, when transient, as pushed). An unknown chat is {@code NotFound("chat")}; a closed
     * room is {@code Refused("room_closed")}.
     */
    Event post(PostEventCommand command);

    /** The same post without holding the caller's thread: completes once the event is durable, or with its problem. */
    CompletableFuture<Event> postAsync(PostEventCommand command);
}
