package dev.chatserver.domain.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Collection;
import java.util.Optional;

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

    /**
     * Whether these facts tell the other nodes something they would decide differently from {@code reported},
     * what this node last told them: connected or not, a newer poll, or activity newer by {@code tolerance} or
     * more. A second connection, or activity within the tolerance, changes nothing they decide before the next
     * sweep reports everything again.
     */
    public boolean worthReportingOver(PresenceFacts reported, Duration tolerance) {
        return (connections > 0) != (reported.connections > 0)
                || !Objects.equals(lastPoll, reported.lastPoll)
                || movedBeyond(lastActivity, reported.lastActivity, tolerance);
    }

    private static boolean movedBeyond(Instant at, Instant than, Duration tolerance) {
        if (at == null || than == null) {
            return at != than;
        }
        return !at.isBefore(than.plus(tolerance)) || at.isBefore(than);
    }

    /**
     * The reports of several nodes on one user as one: connections summed over the reports made at or after
     * {@code freshSince} (a node that stopped reporting holds no one online), the newest poll, the newest
     * activity and the newest report. Empty when there is no report at all.
     */
    public static Optional<PresenceFacts> merge(Collection<PresenceFacts> reports, Instant freshSince) {
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        int connections = 0;
        Instant lastPoll = null;
        Instant lastActivity = null;
        Instant reportedAt = null;
        for (PresenceFacts report : reports) {
            if (!report.reportedAt().isBefore(freshSince)) {
                connections += report.connections();
            }
            lastPoll = newest(lastPoll, report.lastPoll());
            lastActivity = newest(lastActivity, report.lastActivity());
            reportedAt = newest(reportedAt, report.reportedAt());
        }
        return Optional.of(new PresenceFacts(connections, lastPoll, lastActivity, reportedAt));
    }

    /**
     * These facts, which are current (a node's own, kept as they change), with what other nodes reported
     * ({@code others}, merged; null: nothing): connections added, the newest of each time.
     */
    public PresenceFacts with(PresenceFacts others) {
        if (others == null) {
            return this;
        }
        return new PresenceFacts(connections + others.connections, newest(lastPoll, others.lastPoll),
                newest(lastActivity, others.lastActivity), newest(reportedAt, others.reportedAt));
    }

    private static Instant newest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }
}
