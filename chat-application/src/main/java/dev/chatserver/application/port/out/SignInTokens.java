package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Issued sign-in tokens, kept only as hashes. */
public interface SignInTokens {
    void store(String tokenHash, UserId user, Instant expiresAt);

    /** The user a token hash was issued to, if it is known and not expired at {@code now}. */
    Optional<UserId> holder(String tokenHash, Instant now);

    void revoke(String tokenHash);

    /** Revokes every token of the user but {@code kept} (none when null); answers the hashes it revoked. */
    Set<String> revokeAllOf(UserId user, String kept);

    /** Which of these token hashes are known and not expired at {@code now}: one read however many are asked. */
    Set<String> liveAmong(Collection<String> tokenHashes, Instant now);

    /** Forgets tokens that expired before {@code now}; answers how many. */
    int removeExpired(Instant now);
}
