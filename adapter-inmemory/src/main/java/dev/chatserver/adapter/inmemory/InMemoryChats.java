package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.AlreadyExists;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Chats in memory; this store's lock settles which of two chats with the same key or room comes first. */
public final class InMemoryChats implements ChatStore {
    private final Map<ChatId, Chat> byId = new HashMap<>();
    private final Map<ChatKey, Chat> byKey = new HashMap<>();
    private final Map<RoomId, Chat> byRoom = new HashMap<>();

    @Override
    public synchronized void insert(Chat chat) {
        if (byKey.containsKey(chat.key())) {
            throw new AlreadyExists("chat_already_exists", "scope",
                    "the audience " + chat.audience() + " has a chat with the scope " + chat.scope() + " already");
        }
        if (byRoom.containsKey(chat.roomId())) {
            throw new AlreadyExists("room_already_attached", "event_room_id",
                    "the event room " + chat.roomId() + " belongs to another chat already");
        }
        byId.put(chat.id(), chat);
        byKey.put(chat.key(), chat);
        byRoom.put(chat.roomId(), chat);
    }

    @Override
    public synchronized Optional<Chat> chat(ChatId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Chat> chat(ChatKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized Optional<Chat> chatOfRoom(RoomId room) {
        return Optional.ofNullable(byRoom.get(room));
    }
}
