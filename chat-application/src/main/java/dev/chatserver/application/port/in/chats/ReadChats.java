package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;

/** Any authenticated account may read a chat; an unknown one is {@code NotFound("chat")}. */
public interface ReadChats {
    Chat chat(ChatId id);

    Chat chat(ChatKey key);
}
