package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.Chat;

/** Creating the chats of an audience: only its tenants may. */
public interface CreateChats {
    /** The new chat with a new room of its own; a taken audience and scope is {@code chat_already_exists}. */
    Chat create(CreateChatCommand command);

    /**
     * The new chat on a room that exists: {@code room_not_found} when it does not, {@code room_already_attached}
     * when another chat has it.
     */
    Chat convert(ConvertChatCommand command);
}
