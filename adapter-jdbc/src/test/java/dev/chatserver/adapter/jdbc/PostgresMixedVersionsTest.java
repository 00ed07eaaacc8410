package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.contract.SampleEvents;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of neighbouring versions share one notification table: what this node cannot read (a newer
 * version, a kind it does not know) is passed over without stalling its readers, and rows stored before
 * events were typed are read as the events they announced.
 */
class PostgresMixedVersionsTest {
    private static final Channel LYNX = new Channel("user:5");

    private final JdbcStorage storage = PostgresTestDatabases.newStorage();
    private final NotificationLog log = storage.ports().realtime().orElseThrow().notifications()
            .open(Clock.systemUTC(), NotificationRetention.DEFAULT).log();

    @AfterEach
    void close() {
        storage.close();
    }

    private long insert(String stored) {
        return storage.jdbi().withHandle(h -> h.createUpdate(
                        "insert into bus_notifications (channel, message, appended_at) values (:channel, :message, :at)")
                .bind("channel", LYNX.name()).bind("message", stored).bind("at", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Test
    void a_notification_from_a_newer_node_is_passed_over_and_the_cursor_moves_past_it() {
        Notification before = log.append(LYNX, SampleEvents.numbered(1));
        long newer = insert("{\"v\":2,\"kind\":\"im.message_posted\",\"message\":{\"reshaped\":true}}");
        long unknown = insert("{\"v\":1,\"kind\":\"im.reaction_added\",\"emoji\":\"+1\"}");
        Notification after = log.append(LYNX, SampleEvents.numbered(2));

        LogRead all = log.readAfter(0, Set.of(LYNX), 100);
        assertThat(all.notifications()).extracting(Notification::id).containsExactly(before.id(), after.id());

        LogRead onlyUnreadable = log.readAfter(before.id(), Set.of(LYNX), 2);
        assertThat(onlyUnreadable.notifications()).isEmpty();
        assertThat(onlyUnreadable.lastIdOr(before.id())).as("the reader does not stall on them").isEqualTo(unknown);
        assertThat(newer).isLessThan(unknown);
        assertThat(log.readAfter(onlyUnreadable.lastIdOr(before.id()), Set.of(LYNX), 2).notifications())
                .extracting(Notification::event).containsExactly(SampleEvents.numbered(2));
    }

    @Test
    void a_notification_stored_before_typed_events_reads_as_the_event_it_announced() {
        insert("{\"type\":\"im_status\",\"user_id\":6,\"im_status\":\"away\"}");

        assertThat(log.readAfter(0, Set.of(LYNX), 10).notifications()).extracting(Notification::event)
                .containsExactly(new PresenceChanged(UserId.of(6), ImStatus.AWAY));
    }
}
