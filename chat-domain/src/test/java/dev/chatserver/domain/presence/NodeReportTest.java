package dev.chatserver.domain.presence;

import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeReportTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant FRESH_SINCE = NOW.minusSeconds(30);
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);

    @Test
    void the_reports_of_several_nodes_merge_into_summed_connections_and_the_newest_times() {
        PresenceFacts merged = PresenceFacts.merge(List.of(
                new PresenceFacts(2, NOW.minusSeconds(30), NOW.minusSeconds(50), NOW.minusSeconds(3)),
                new PresenceFacts(1, NOW.minusSeconds(10), NOW.minusSeconds(90), NOW),
                new PresenceFacts(0, null, null, NOW.minusSeconds(1))), FRESH_SINCE).orElseThrow();

        assertThat(merged).isEqualTo(new PresenceFacts(3, NOW.minusSeconds(10), NOW.minusSeconds(50), NOW));
    }

    @Test
    void a_node_that_stopped_reporting_holds_no_one_online_but_its_times_still_count() {
        PresenceFacts merged = PresenceFacts.merge(List.of(
                new PresenceFacts(4, NOW.minusSeconds(40), NOW.minusSeconds(31), FRESH_SINCE.minusNanos(1)),
                new PresenceFacts(1, null, null, FRESH_SINCE)), FRESH_SINCE).orElseThrow();

        assertThat(merged.connections()).isEqualTo(1);
        assertThat(merged.lastPoll()).isEqualTo(NOW.minusSeconds(40));
        assertThat(merged.lastActivity()).isEqualTo(NOW.minusSeconds(31));
        assertThat(new PresenceRule(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10))
                .status(PresenceFacts.merge(List.of(new PresenceFacts(4, null, null, NOW.minusSeconds(300))),
                        FRESH_SINCE).orElseThrow(), NOW)).isEqualTo(ImStatus.OFFLINE);
    }

    @Test
    void no_report_merges_into_nothing() {
        assertThat(PresenceFacts.merge(List.of(), FRESH_SINCE)).isEmpty();
    }

    @Test
    void reports_merge_per_user_and_users_without_a_report_are_absent() {
        Map<UserId, PresenceFacts> merged = NodeReport.mergePerUser(List.of(
                new NodeReport("a", LYNX, new PresenceFacts(1, null, null, NOW)),
                new NodeReport("b", LYNX, new PresenceFacts(2, null, NOW.minusSeconds(5), NOW)),
                new NodeReport("b", OCELOT, new PresenceFacts(3, NOW, null, NOW.minusSeconds(600)))), FRESH_SINCE);

        assertThat(merged).containsOnlyKeys(LYNX, OCELOT);
        assertThat(merged.get(LYNX)).isEqualTo(new PresenceFacts(3, null, NOW.minusSeconds(5), NOW));
        assertThat(merged.get(OCELOT)).isEqualTo(new PresenceFacts(0, NOW, null, NOW.minusSeconds(600)));
        assertThat(NodeReport.mergePerUser(List.of(), FRESH_SINCE)).isEmpty();
    }

    @Test
    void a_node_s_own_facts_count_as_current_when_joined_with_the_others() {
        PresenceFacts own = new PresenceFacts(1, NOW.minusSeconds(20), NOW.minusSeconds(400), NOW.minusSeconds(900));
        PresenceFacts others = new PresenceFacts(2, NOW.minusSeconds(5), null, NOW);

        assertThat(own.with(others)).isEqualTo(new PresenceFacts(3, NOW.minusSeconds(5), NOW.minusSeconds(400), NOW));
        assertThat(own.with(null)).isEqualTo(own);
    }
}
