package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When each user was last seen connected (a socket open or a poll), on any node: shared by the nodes on one
 * database, so a user connected to one node is not emailed by another.
 */
public interface ConnectionSightings {
    /** These users were connected at {@code at}; a later sighting already kept wins. One write however many. */
    void seen(Collection<UserId> users, Instant at);

    /** The last sighting of each given user ever seen, in one read however many. */
    Map<UserId, Instant> lastSeen(Collection<UserId> users);
}
