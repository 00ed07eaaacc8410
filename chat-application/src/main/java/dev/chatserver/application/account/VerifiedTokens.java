package dev.chatserver.application.account;

import dev.chatserver.domain.account.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this node verified moments ago, with their holders: for {@code trust} after a check, requests carrying the
 * same token are not checked against the store again. A sign-out on this node forgets its token at once; another
 * node that verified the token may accept it until its own trust runs out, as it does a WebSocket already open.
 */
final class VerifiedTokens {
    static final int MAX_TOKENS = 100_000;

    private final Duration trust;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();

    /** A token and its holder, trusted until then; a signed-out token has no holder and must not be trusted again. */
    private record Verified(User holder, Instant trustedUntil) {
        boolean signedOut() {
            return holder == null;
        }
    }

    VerifiedTokens(Duration trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    Optional<User> holderOf(String tokenHash) {
        Verified verified = byHash.get(tokenHash);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.trustedUntil())) {
            byHash.remove(tokenHash, verified);
            return Optional.empty();
        }
        return Optional.ofNullable(verified.holder());
    }

    void remember(String tokenHash, User holder) {
        if (trust.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (byHash.size() >= MAX_TOKENS) {
            byHash.values().removeIf(verified -> !now.isBefore(verified.trustedUntil()));
            if (byHash.size() >= MAX_TOKENS) {
                byHash.clear();
            }
        }
        // a check that began before a sign-out on this node must not trust the token again
        byHash.compute(tokenHash, (hash, known) -> known != null && known.signedOut() && now.isBefore(known.trustedUntil())
                ? known : new Verified(holder, now.plus(trust)));
    }

    void forget(String tokenHash) {
        if (trust.isZero()) {
            return;
        }
        byHash.put(tokenHash, new Verified(null, clock.instant().plus(trust)));
    }

    int size() {
        return byHash.size();
    }
}
