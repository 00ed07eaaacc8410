package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.Event;

/** Any authenticated account may post events into a chat's open room. */
public interface PostEvents {
    /**
     * The event as stored (or, when transient, as pushed). An unknown chat is {@code NotFound("chat")}; a closed
     * room is {@code Refused("room_closed")}.
     */
    Event post(PostEventCommand command);
}
