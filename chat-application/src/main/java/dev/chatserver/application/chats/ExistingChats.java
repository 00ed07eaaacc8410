package dev.chatserver.application.chats;

import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.problem.NotFound;

/**
 * The chat a caller names by id, to read it, read its events or post one: {@code NotFound("chat")} when there is
 * none.
 */
final class ExistingChats {
    private final ChatStore chats;

    ExistingChats(ChatStore chats) {
        this.chats = chats;
    }

    Chat byId(ChatId id) {
        return chats.chat(id).orElseThrow(() -> unknown(id));
    }

    static NotFound unknown(ChatId id) {
        return new NotFound("chat", "chat", "no chat has the id " + id);
    }
}
