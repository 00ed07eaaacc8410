package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

public final class InMemorySignInTokens implements SignInTokens {
    private record Issued(UserId user, Instant expiresAt) {
    }

    private final Map<String, Issued> byHash = new ConcurrentHashMap<>();

    @Override
    public void store(String tokenHash, UserId user, Instant expiresAt) {
        byHash.put(tokenHash, new Issued(user, expiresAt));
    }

    @Override
    public Optional<UserId> holder(String tokenHash, Instant now) {
        Issued issued = byHash.get(tokenHash);
        return issued == null || !issued.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(issued.user());
    }

    @Override
    public void revoke(String tokenHash) {
        byHash.remove(tokenHash);
    }

    @Override
    public Set<String> revokeAllOf(UserId user, String kept) {
        Set<String> revoked = new HashSet<>();
        byHash.forEach((hash, issued) -> {
            if (issued.user().equals(user) && !hash.equals(kept) && byHash.remove(hash, issued)) {
                revoked.add(hash);
            }
        });
        return revoked;
    }

    @Override
    public Set<String> liveAmong(Collection<String> tokenHashes, Instant now) {
        return tokenHashes.stream().filter(hash -> holder(hash, now).isPresent()).collect(Collectors.toSet());
    }

    @Override
    public int removeExpired(Instant now) {
        int before = byHash.size();
        byHash.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        return before - byHash.size();
    }
}
