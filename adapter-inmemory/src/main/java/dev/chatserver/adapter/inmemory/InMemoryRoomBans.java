package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.RoomBans;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Room bans in memory, each room's by its accounts' keys. */
public final class InMemoryRoomBans implements RoomBans {
    private final Map<RoomId, TreeMap<String, RoomBan>> byRoom = new HashMap<>();

    @Override
    public synchronized boolean add(RoomBan ban) {
        return byRoom.computeIfAbsent(ban.room(), room -> new TreeMap<>()).putIfAbsent(ban.account().key(), ban) == null;
    }

    @Override
    public synchronized boolean remove(RoomId room, AccountId account) {
        TreeMap<String, RoomBan> bans = byRoom.get(room);
        return bans != null && bans.remove(account.key()) != null;
    }

    @Override
    public synchronized Optional<RoomBan> ban(RoomId room, AccountId account) {
        return Optional.ofNullable(byRoom.getOrDefault(room, new TreeMap<>()).get(account.key()));
    }

    @Override
    public synchronized int count(RoomId room) {
        return byRoom.getOrDefault(room, new TreeMap<>()).size();
    }

    @Override
    public synchronized List<RoomBan> page(RoomId room, String afterKey, int limit) {
        TreeMap<String, RoomBan> bans = byRoom.getOrDefault(room, new TreeMap<>());
        return (afterKey == null ? bans : bans.tailMap(afterKey, false)).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Map<RoomId, Set<AccountId>> bannedAmong(Collection<RoomId> rooms, Collection<AccountId> accounts) {
        Map<RoomId, Set<AccountId>> banned = new LinkedHashMap<>();
        for (RoomId room : Set.copyOf(rooms)) {
            TreeMap<String, RoomBan> bans = byRoom.getOrDefault(room, new TreeMap<>());
            Set<AccountId> found = accounts.stream().filter(account -> bans.containsKey(account.key()))
                    .collect(Collectors.toSet());
            if (!found.isEmpty()) {
                banned.put(room, found);
            }
        }
        return banned;
    }
}
