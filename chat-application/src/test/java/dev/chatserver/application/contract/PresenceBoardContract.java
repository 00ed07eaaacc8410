package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every presence board promises: each node's last report per user, read back exactly in one call however
 * many users, stale ones too (the domain merges them and decides what is stale).
 */
public abstract class PresenceBoardContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private UserId lynx;
    private UserId ocelot;
    private PresenceBoard board;

    /** The board of the storage under test. */
    protected abstract PresenceBoard boardOf(dev.chatserver.application.port.out.Storage storage);

    @BeforeEach
    void registerUsers() {
        AccountRegistry registry = ports().accounts();
        lynx = registry.register(new NewUser(new Login("lynx"), "Lucid Lynx", ""), "h").id();
        ocelot = registry.register(new NewUser(new Login("ocelot"), "Oneiric Ocelot", ""), "h").id();
        board = boardOf(storage);
    }

    @Test
    void reports_of_several_nodes_read_back_per_node_and_user() {
        NodeReport a = new NodeReport("node-a", lynx, new PresenceFacts(2, NOW.minusSeconds(30), NOW.minusSeconds(50), NOW));
        NodeReport b = new NodeReport("node-b", lynx, new PresenceFacts(1, NOW.minusSeconds(10), null, NOW.minusSeconds(1)));
        NodeReport c = new NodeReport("node-b", ocelot, new PresenceFacts(0, null, NOW.minusSeconds(90), NOW));
        for (NodeReport report : List.of(a, b, c)) {
            board.report(report.node(), report.user(), report.facts());
        }

        assertThat(board.reports(List.of(lynx, ocelot), "asking-node")).containsExactlyInAnyOrder(a, b, c);
        assertThat(board.reports(List.of(ocelot), "asking-node")).containsExactly(c);
        assertThat(board.reports(List.of(), "asking-node")).isEmpty();
    }

    @Test
    void reports_of_several_nodes_merge_per_user_in_the_domain() {
        board.report("node-a", lynx, new PresenceFacts(2, NOW.minusSeconds(30), NOW.minusSeconds(50), NOW));
        board.report("node-b", lynx, new PresenceFacts(1, NOW.minusSeconds(10), NOW.minusSeconds(90), NOW));

        Map<UserId, PresenceFacts> merged = NodeReport.mergePerUser(
                board.reports(List.of(lynx, ocelot), "asking-node"), NOW.minusSeconds(60));

        assertThat(merged).containsOnlyKeys(lynx);
        PresenceFacts facts = merged.get(lynx);
        assertThat(facts.connections()).isEqualTo(3);
        assertThat(facts.lastPoll()).isEqualTo(NOW.minusSeconds(10));
        assertThat(facts.lastActivity()).isEqualTo(NOW.minusSeconds(50));
    }

    @Test
    void a_later_report_of_a_node_replaces_its_earlier_one() {
        board.report("node-a", lynx, new PresenceFacts(2, null, NOW.minusSeconds(9), NOW.minusSeconds(5)));
        board.report("node-a", lynx, new PresenceFacts(0, NOW, null, NOW));

        assertThat(board.reports(List.of(lynx), "asking-node"))
                .containsExactly(new NodeReport("node-a", lynx, new PresenceFacts(0, NOW, null, NOW)));
    }

    @Test
    void the_report_of_a_node_that_stopped_reporting_is_kept_as_it_was() {
        NodeReport crashed = new NodeReport("crashed", lynx,
                new PresenceFacts(4, null, NOW.minusSeconds(300), NOW.minusSeconds(300)));
        NodeReport alive = new NodeReport("alive", lynx, new PresenceFacts(1, null, null, NOW));
        board.report(crashed.node(), lynx, crashed.facts());
        board.report(alive.node(), lynx, alive.facts());

        List<NodeReport> reports = board.reports(List.of(lynx), "asking-node");

        assertThat(reports).containsExactlyInAnyOrder(crashed, alive);
        assertThat(NodeReport.mergePerUser(reports, NOW.minusSeconds(60)).get(lynx).connections()).isEqualTo(1);
    }

    @Test
    void the_asking_node_leaves_its_own_reports_out() {
        board.report("node-a", lynx, new PresenceFacts(1, null, null, NOW));
        board.report("node-b", lynx, new PresenceFacts(2, null, null, NOW));
        board.report("node-a", ocelot, new PresenceFacts(1, null, null, NOW));

        assertThat(board.reports(List.of(lynx, ocelot), "node-a"))
                .containsExactly(new NodeReport("node-b", lynx, new PresenceFacts(2, null, null, NOW)));
    }

    @Test
    void a_forgotten_report_no_longer_counts() {
        board.report("node-a", lynx, new PresenceFacts(1, null, null, NOW));
        board.report("node-a", ocelot, new PresenceFacts(1, null, null, NOW));

        board.forget("node-a", lynx);

        assertThat(board.reports(List.of(lynx, ocelot), "asking-node")).extracting(NodeReport::user).containsOnly(ocelot);
    }
}
