package dev.chatserver.domain.chats;

import java.util.Objects;
import java.util.Set;

/**
 * What a room's decisions about people depend on beyond the room itself: the tenants of its audience (who moderate
 * it) and, of the accounts at hand, those banned from it.
 */
public record RoomRights(Set<AccountId> tenants, Set<AccountId> banned) {
    public RoomRights {
        tenants = Set.copyOf(Objects.requireNonNull(tenants, "tenants"));
        banned = Set.copyOf(Objects.requireNonNull(banned, "banned"));
    }

    public static RoomRights ofTenants(Set<AccountId> tenants) {
        return new RoomRights(tenants, Set.of());
    }

    public boolean isTenant(AccountId account) {
        return tenants.contains(account);
    }

    public boolean isBanned(AccountId account) {
        return banned.contains(account);
    }
}
