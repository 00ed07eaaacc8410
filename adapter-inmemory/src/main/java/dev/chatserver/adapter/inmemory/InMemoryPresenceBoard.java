package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The presence board of one process. */
public final class InMemoryPresenceBoard implements PresenceBoard {
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
    public synchronized List<NodeReport> reports(Collection<UserId> users, String exceptNode) {
        List<NodeReport> found = new ArrayList<>();
        for (UserId user : new LinkedHashSet<>(users)) {
            reports.getOrDefault(user, Map.of()).forEach((node, facts) -> {
                if (!node.equals(exceptNode)) {
                    found.add(new NodeReport(node, user, facts));
                }
            });
        }
        return found;
    }
}
