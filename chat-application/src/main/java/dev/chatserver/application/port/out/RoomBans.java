package dev.chatserver.application.port.out;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts banned from each event room, as the room decided ({@link dev.chatserver.domain.chats.EventRoom#ban}).
 * Changes are made with the room held for update, so a ban and a post into its room never overlap.
 */
public interface RoomBans {
    /** Keeps the ban; false (and nothing changes) when the account was banned from the room already. */
    boolean add(RoomBan ban);

    /** Lifts the ban; false when there was none. */
    boolean remove(RoomId room, AccountId account);

    Optional<RoomBan> ban(RoomId room, AccountId account);

    /** How many accounts the room bans. */
    int count(RoomId room);

    /** The room's bans in the order of their accounts' keys ({@link AccountId#key()}), after {@code afterKey} (null: from the first). */
    List<RoomBan> page(RoomId room, String afterKey, int limit);

    /** Of {@code accounts}, those banned from each of {@code rooms} (a room banning none of them is left out); one read. */
    Map<RoomId, Set<AccountId>> bannedAmong(Collection<RoomId> rooms, Collection<AccountId> accounts);
}
