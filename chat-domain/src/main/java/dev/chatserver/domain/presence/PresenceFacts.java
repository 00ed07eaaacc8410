package dev.chatserver.domain.presence;

import java.time.Instant;

/**
 * What one node knows of one user's presence: live connections on that node, the user's last poll and last
 * activity seen there, and when the node last reported it (a node that stops reporting stops counting).
 */
public record PresenceFacts(int connections, Instant lastPoll, Instant lastActivity, Instant reportedAt) {
    public static final PresenceFacts NONE = new PresenceFacts(0, null, null, Instant.EPOCH);

    public PresenceFacts {
        if (connections < 0) {
            throw new IllegalArgumentException("connections are never negative: " + connections);
        }
    }

    public PresenceFacts withConnections(int count) {
        return new PresenceFacts(count, lastPoll, lastActivity, reportedAt);
    }

    public PresenceFacts withLastPoll(Instant at) {
        return new PresenceFacts(connections, at, lastActivity, reportedAt);
    }

    public PresenceFacts withLastActivity(Instant at) {
        return new PresenceFacts(connections, lastPoll, at, reportedAt);
    }

    public PresenceFacts reportedAt(Instant at) {
        return new PresenceFacts(connections, lastPoll, lastActivity, at);
    }
}
