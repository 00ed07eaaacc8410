package dev.chatserver.domain.presence;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one server node last reported of one user's presence. */
public record NodeReport(String node, UserId user, PresenceFacts facts) {
    public NodeReport {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(facts, "facts");
    }

    /**
     * The reports of several nodes merged per user, as {@link PresenceFacts#merge} merges them: a node whose
     * report is older than {@code freshSince} stopped reporting and holds no one online. Users no report
     * names are absent.
     */
    public static Map<UserId, PresenceFacts> mergePerUser(Collection<NodeReport> reports, Instant freshSince) {
        Map<UserId, List<PresenceFacts>> byUser = new LinkedHashMap<>();
        for (NodeReport report : reports) {
            byUser.computeIfAbsent(report.user(), u -> new ArrayList<>()).add(report.facts());
        }
        Map<UserId, PresenceFacts> merged = new LinkedHashMap<>();
        byUser.forEach((user, facts) -> PresenceFacts.merge(facts, freshSince).ifPresent(m -> merged.put(user, m)));
        return merged;
    }
}
