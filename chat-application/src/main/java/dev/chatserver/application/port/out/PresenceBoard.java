package dev.chatserver.application.port.out;

import dev.chatserver.domain.presence.PresenceFacts;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Where every node reports what it knows of users' presence, so that a user connected to any node is
 * online on all. One node keeps it in memory; several share it in their database.
 */
public interface PresenceBoard {
    /** Replaces what {@code node} reported of {@code user}. */
    void report(String node, UserId user, PresenceFacts facts);

    /** {@code node} no longer knows anything of {@code user}. */
    void forget(String node, UserId user);

    /**
     * The reports of every node but {@code exceptNode} on these users merged, in one read however many:
     * connections summed over reports made at or after {@code connectionsFreshSince} (a node that stopped
     * reporting holds no one online), the newest poll and the newest activity. Users nobody reported on are
     * absent.
     */
    Map<UserId, PresenceFacts> merged(Collection<UserId> users, Instant connectionsFreshSince, String exceptNode);
}
