package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.ReadChats;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

public final class ReadChatsService implements ReadChats {
    private final ChatStore chats;
    private final ExistingChats existing;

    @Inject
    public ReadChatsService(ChatStore chats) {
        this.chats = chats;
        this.existing = new ExistingChats(chats);
    }

    @Override
    public Chat chat(ChatId id) {
        return existing.byId(id);
    }

    @Override
    public Chat chat(ChatKey key) {
        return chats.chat(key).orElseThrow(() -> new NotFound("chat", "scope",
                "the audience " + key.audience() + " has no chat with the scope " + key.scope()));
    }
}
