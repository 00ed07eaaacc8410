package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;

import java.util.Collection;
import java.util.List;

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
     * What every node but {@code exceptNode} last reported of these users, exactly as reported (stale
     * reports too: merging them is the domain's, {@link NodeReport#mergePerUser}), in one read however many
     * users; in no particular order.
     */
    List<NodeReport> reports(Collection<UserId> users, String exceptNode);
}
