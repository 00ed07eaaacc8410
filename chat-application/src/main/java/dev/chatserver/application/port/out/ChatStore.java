package dev.chatserver.application.port.out;

import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.RoomId;

import java.util.Optional;

/** Chats of the Chats API, each naming the event room behind it. */
public interface ChatStore {
    /**
     * Stores a new chat. Another chat with the same audience and scope is {@code AlreadyExists}
     * ({@code chat_already_exists}); another chat on the same room is {@code AlreadyExists}
     * ({@code room_already_attached}): the store settles both, also between concurrent callers.
     */
    void insert(Chat chat);

    Optional<Chat> chat(ChatId id);

    Optional<Chat> chat(ChatKey key);

    Optional<Chat> chatOfRoom(RoomId room);
}
