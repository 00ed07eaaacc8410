package dev.chatserver.application.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.AccessDenied;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Which accounts are tenants of which audience: only they create chats and rooms in it, convert and close. */
public record Tenants(Map<String, Set<AccountId>> byAudience) {
    public Tenants {
        Objects.requireNonNull(byAudience, "byAudience");
        Map<String, Set<AccountId>> copy = new HashMap<>();
        byAudience.forEach((audience, accounts) -> copy.put(audience, Set.copyOf(accounts)));
        byAudience = Map.copyOf(copy);
    }

    public static Tenants none() {
        return new Tenants(Map.of());
    }

    /** The tenants of {@code audience} (none when it has no configured tenant). */
    public Set<AccountId> of(String audience) {
        return byAudience.getOrDefault(audience, Set.of());
    }

    public boolean isTenant(AccountId account, String audience) {
        return byAudience.getOrDefault(audience, Set.of()).contains(account);
    }

    public void requireTenant(AccountId account, String audience) {
        if (!isTenant(account, audience)) {
            throw new AccessDenied(account + " is not a tenant of the audience " + audience);
        }
    }
}
