package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.application.presence.NodePresence;
import dev.chatserver.application.presence.PresenceSettings;
import dev.chatserver.application.presence.ReadPresenceService;
import dev.chatserver.application.presence.TrackPresenceService;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board every node shares is written and read only when it tells something: a user opening socket after
 * socket (one tab each, or thousands in a benchmark) costs the board nothing past the first.
 */
class PresenceBoardTrafficTest {
    private static final UserId LYNX = UserId.of(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T22:00:00Z"));
    private final CountingBoard board = new CountingBoard(new InMemoryPresenceBoard());
    private final NodePresence node = new NodePresence(clock, PresenceSettings.DEFAULT,
            new InMemoryNotificationBus(new InMemoryNotificationLog(clock, NotificationRetention.DEFAULT),
                    new InMemorySignals(clock), new InMemoryTransactions()),
            board, new InMemoryConnectionSightings(), UUID::randomUUID);
    private final TrackPresenceService tracking = new TrackPresenceService(node);
    private final ReadPresenceService presence = new ReadPresenceService(node);

    @Test
    void more_sockets_of_a_user_already_online_neither_write_nor_read_the_board() {
        tracking.connected(LYNX);
        tracking.inactiveFor(LYNX, Duration.ZERO);
        int writes = board.writes.get();
        int reads = board.reads.get();

        for (int socket = 0; socket < 100; socket++) {
            clock.advance(Duration.ofMillis(10));
            tracking.connected(LYNX);
            tracking.inactiveFor(LYNX, Duration.ZERO);
        }

        assertThat(board.writes.get()).isEqualTo(writes);
        assertThat(board.reads.get()).isEqualTo(reads);
        assertThat(presence.statusOf(LYNX)).isEqualTo(ImStatus.ONLINE);
    }

    @Test
    void what_the_other_nodes_decide_on_is_written_at_once() {
        tracking.connected(LYNX);
        int writes = board.writes.get();

        clock.advance(PresenceSettings.DEFAULT.sweepEvery());
        tracking.inactiveFor(LYNX, Duration.ZERO);
        assertThat(board.writes.get()).as("activity a sweep newer").isEqualTo(writes + 1);

        tracking.polled(LYNX);
        assertThat(board.writes.get()).as("a poll").isEqualTo(writes + 2);

        tracking.disconnected(LYNX);
        assertThat(board.writes.get()).as("no longer connected here").isEqualTo(writes + 3);
        assertThat(board.lastReported.connections()).isZero();
    }

    private static final class CountingBoard implements PresenceBoard {
        private final PresenceBoard board;
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        PresenceFacts lastReported;

        CountingBoard(PresenceBoard board) {
            this.board = board;
        }

        @Override
        public void report(String node, UserId user, PresenceFacts facts) {
            writes.incrementAndGet();
            lastReported = facts;
            board.report(node, user, facts);
        }

        @Override
        public void forget(String node, UserId user) {
            writes.incrementAndGet();
            board.forget(node, user);
        }

        @Override
        public List<NodeReport> reports(Collection<UserId> users, String exceptNode) {
            reads.incrementAndGet();
            return board.reports(users, exceptNode);
        }
    }
}
