package dev.chatserver.application.port.out.local;

import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.presence.PresenceFacts;
import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The presence board of one process. */
public final class LocalPresenceBoard implements PresenceBoard {
    private final Map<UserId, Map<String, PresenceFacts>> reports = new HashMap<>();

    @Override
    public synchronized void report(String node, UserId user, PresenceFacts facts) {
        reports.computeIfAbsent(user, u -> new HashMap<>()).put(node, facts);
    }

    @Override
    public synchronized void forget(String node, UserId user) {
        Map<String, PresenceFacts> byNode = reports.get(user);
        if (byNode != null) {
            byNode.remove(node);
            if (byNode.isEmpty()) {
                reports.remove(user);
            }
        }
    }

    @Override
    public synchronized Map<UserId, PresenceFacts> merged(Collection<UserId> users, Instant connectionsFreshSince,
                                                       String exceptNode) {
        Map<UserId, PresenceFacts> merged = new HashMap<>();
        for (UserId user : users) {
            Map<String, PresenceFacts> byNode = reports.get(user);
            if (byNode == null) {
                continue;
            }
            int connections = 0;
            Instant lastPoll = null;
            Instant lastActivity = null;
            Instant reportedAt = Instant.EPOCH;
            for (Map.Entry<String, PresenceFacts> report : byNode.entrySet()) {
                if (report.getKey().equals(exceptNode)) {
                    continue;
                }
                PresenceFacts facts = report.getValue();
                if (!facts.reportedAt().isBefore(connectionsFreshSince)) {
                    connections += facts.connections();
                }
                lastPoll = newest(lastPoll, facts.lastPoll());
                lastActivity = newest(lastActivity, facts.lastActivity());
                reportedAt = newest(reportedAt, facts.reportedAt());
            }
            if (!reportedAt.equals(Instant.EPOCH)) {
                merged.put(user, new PresenceFacts(connections, lastPoll, lastActivity, reportedAt));
            }
        }
        return merged;
    }

    private static Instant newest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }
}
