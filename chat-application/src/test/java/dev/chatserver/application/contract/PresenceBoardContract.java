package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.presence.PresenceFacts;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every presence board promises: per-node reports merged per user, stale connections not counted. */
public abstract class PresenceBoardContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private UserId lynx;
    private UserId ocelot;
    private PresenceBoard board;

    /** The board of the storage under test. */
    protected abstract PresenceBoard boardOf(dev.chatserver.application.port.out.Storage storage);

    @BeforeEach
    void registerUsers() {
        AccountRegistry registry = port(AccountRegistry.class);
        lynx = registry.register(new NewUser(new Login("lynx"), "Lucid Lynx", ""), "h").id();
        ocelot = registry.register(new NewUser(new Login("ocelot"), "Oneiric Ocelot", ""), "h").id();
        board = boardOf(storage);
    }

    @Test
    void reports_of_several_nodes_merge_per_user() {
        board.report("node-a", lynx, new PresenceFacts(2, NOW.minusSeconds(30), NOW.minusSeconds(50), NOW));
        board.report("node-b", lynx, new PresenceFacts(1, NOW.minusSeconds(10), NOW.minusSeconds(90), NOW));

        Map<UserId, PresenceFacts> merged = board.merged(List.of(lynx, ocelot), NOW.minusSeconds(60), "asking-node");

        assertThat(merged).containsOnlyKeys(lynx);
        PresenceFacts facts = merged.get(lynx);
        assertThat(facts.connections()).isEqualTo(3);
        assertThat(facts.lastPoll()).isEqualTo(NOW.minusSeconds(10));
        assertThat(facts.lastActivity()).isEqualTo(NOW.minusSeconds(50));
    }

    @Test
    void a_later_report_of_a_node_replaces_its_earlier_one() {
        board.report("node-a", lynx, new PresenceFacts(2, null, null, NOW.minusSeconds(5)));
        board.report("node-a", lynx, new PresenceFacts(0, NOW, null, NOW));

        PresenceFacts facts = board.merged(List.of(lynx), NOW.minusSeconds(60), "asking-node").get(lynx);

        assertThat(facts.connections()).isZero();
        assertThat(facts.lastPoll()).isEqualTo(NOW);
        assertThat(facts.lastActivity()).isNull();
    }

    @Test
    void connections_of_a_node_that_stopped_reporting_hold_no_one_online() {
        board.report("crashed", lynx, new PresenceFacts(4, null, NOW.minusSeconds(300), NOW.minusSeconds(300)));
        board.report("alive", lynx, new PresenceFacts(1, null, null, NOW));

        assertThat(board.merged(List.of(lynx), NOW.minusSeconds(60), "asking-node").get(lynx).connections()).isEqualTo(1);
    }

    @Test
    void the_asking_node_leaves_its_own_reports_out() {
        board.report("node-a", lynx, new PresenceFacts(1, null, null, NOW));
        board.report("node-b", lynx, new PresenceFacts(2, null, null, NOW));
        board.report("node-a", ocelot, new PresenceFacts(1, null, null, NOW));

        Map<UserId, PresenceFacts> seenByA = board.merged(List.of(lynx, ocelot), NOW.minusSeconds(60), "node-a");

        assertThat(seenByA).containsOnlyKeys(lynx);
        assertThat(seenByA.get(lynx).connections()).isEqualTo(2);
    }

    @Test
    void a_forgotten_report_no_longer_counts() {
        board.report("node-a", lynx, new PresenceFacts(1, null, null, NOW));
        board.report("node-a", ocelot, new PresenceFacts(1, null, null, NOW));

        board.forget("node-a", lynx);

        assertThat(board.merged(List.of(lynx, ocelot), NOW.minusSeconds(60), "asking-node")).containsOnlyKeys(ocelot);
    }
}
