package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every notification log promises: increasing ids, ordered reads after an id per channel set, retention
 * by age, and by count and bytes shared fairly between channels, an explicit answer for an id it can no longer
 * resume from (only to readers of a channel that lost something after it), and wake-ups on append.
 */
public abstract class NotificationLogContract {
    private static final Channel LYNX = new Channel("user:5");
    private static final Channel OCELOT = new Channel("user:6");
    private static final Channel ROOM = new Channel("room:91e03d34-1929-4a02-9486-4c3e708686b3");

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    /** A new, empty log on the given clock and retention. */
    protected abstract NotificationLog newLog(java.time.Clock clock, NotificationRetention retention);

    private NotificationLog log() {
        return newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 1_000));
    }

    @Test
    void ids_increase_with_every_append() {
        NotificationLog log = log();
        assertThat(log.lastId()).isZero();

        Notification first = log.append(LYNX, SampleEvents.numbered(1));
        Notification second = log.append(ROOM, SampleEvents.numbered(2));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(log.lastId()).isEqualTo(second.id());
        assertThat(second.channel()).isEqualTo(ROOM);
        assertThat(second.event()).isEqualTo(SampleEvents.numbered(2));
    }

    @Test
    void a_read_after_an_id_gives_the_later_notifications_of_the_asked_channels_in_order() {
        NotificationLog log = log();
        Notification seen = log.append(LYNX, SampleEvents.numbered(0));
        Notification one = log.append(LYNX, SampleEvents.numbered(1));
        log.append(OCELOT, SampleEvents.numbered(2));
        Notification three = log.append(ROOM, SampleEvents.numbered(3));
        Notification four = log.append(LYNX, SampleEvents.numbered(4));

        LogRead read = log.readAfter(seen.id(), Set.of(LYNX, ROOM), 100);

        assertThat(read.expired()).isFalse();
        assertThat(read.notifications()).extracting(Notification::id).containsExactly(one.id(), three.id(), four.id());
        assertThat(read.lastIdOr(seen.id())).isEqualTo(four.id());
    }

    @Test
    void a_read_is_bounded_by_its_limit_and_gives_the_oldest_first() {
        NotificationLog log = log();
        Notification one = log.append(LYNX, SampleEvents.numbered(1));
        Notification two = log.append(LYNX, SampleEvents.numbered(2));
        log.append(LYNX, SampleEvents.numbered(3));

        LogRead read = log.readAfter(0, Set.of(LYNX), 2);

        assertThat(read.notifications()).extracting(Notification::id).containsExactly(one.id(), two.id());
        assertThat(log.readAfter(two.id(), Set.of(LYNX), 2).notifications()).hasSize(1);
    }

    @Test
    void a_read_at_the_newest_id_finds_nothing_and_is_not_expired() {
        NotificationLog log = log();
        Notification only = log.append(LYNX, SampleEvents.numbered(1));

        LogRead read = log.readAfter(only.id(), Set.of(LYNX), 10);

        assertThat(read.expired()).isFalse();
        assertThat(read.notifications()).isEmpty();
        assertThat(log.readAfter(0, Set.of(LYNX), 10).notifications()).hasSize(1);
    }

    @Test
    void notifications_older_than_the_retention_age_are_dropped_and_resuming_before_them_is_expired() {
        NotificationLog log = log();
        Notification old = log.append(LYNX, SampleEvents.numbered(1));
        Notification older = log.append(OCELOT, SampleEvents.numbered(2));
        clock.advance(Duration.ofMinutes(6));
        Notification recent = log.append(LYNX, SampleEvents.numbered(3));
        clock.advance(Duration.ofMinutes(5));

        assertThat(log.prune()).isEqualTo(2);

        assertThat(log.readAfter(old.id(), Set.of(LYNX), 10).expired())
                .as("a notification after this id was dropped").isTrue();
        assertThat(log.readAfter(0, Set.of(LYNX), 10).expired()).isTrue();
        LogRead fromOlder = log.readAfter(older.id(), Set.of(LYNX), 10);
        assertThat(fromOlder.expired()).isFalse();
        assertThat(fromOlder.notifications()).extracting(Notification::id).containsExactly(recent.id());
    }

    @Test
    void the_retention_count_keeps_only_the_newest() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 3));
        Notification first = log.append(LYNX, SampleEvents.numbered(1));
        Notification second = log.append(LYNX, SampleEvents.numbered(2));
        log.append(LYNX, SampleEvents.numbered(3));
        log.append(LYNX, SampleEvents.numbered(4));
        log.append(LYNX, SampleEvents.numbered(5));
        log.prune();

        assertThat(log.readAfter(first.id(), Set.of(LYNX), 10).expired()).isTrue();
        assertThat(log.readAfter(second.id(), Set.of(LYNX), 10).notifications())
                .extracting(n -> SampleEvents.numberOf(n.event())).containsExactly(3L, 4L, 5L);
    }

    @Test
    void an_id_the_log_never_gave_out_is_expired() {
        NotificationLog log = log();
        Notification only = log.append(LYNX, SampleEvents.numbered(1));

        assertThat(log.readAfter(only.id() + 100, Set.of(LYNX), 10).expired()).isTrue();
    }

    @Test
    void a_read_since_a_moment_gives_what_was_appended_from_then_on() {
        NotificationLog log = log();
        log.append(LYNX, SampleEvents.numbered(1));
        clock.advance(Duration.ofSeconds(60));
        Instant since = clock.instant();
        Notification later = log.append(LYNX, SampleEvents.numbered(2));
        log.append(OCELOT, SampleEvents.numbered(3));

        assertThat(log.readSince(since, Set.of(LYNX), 10).notifications())
                .extracting(Notification::id).containsExactly(later.id());
    }

    @Test
    void listeners_are_woken_after_each_append_and_find_it_readable() {
        NotificationLog log = log();
        java.util.concurrent.atomic.AtomicLong newestSeenAwake = new java.util.concurrent.atomic.AtomicLong();
        // a log shared between nodes may also wake listeners when nothing is new: they only ever read by id
        log.onAppend(() -> newestSeenAwake.accumulateAndGet(log.lastId(), Math::max));

        log.append(LYNX, SampleEvents.numbered(1));
        Notification second = log.append(ROOM, SampleEvents.numbered(2));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (newestSeenAwake.get() < second.id() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(newestSeenAwake.get()).isEqualTo(second.id());
    }

    @Test
    void every_kind_of_event_reads_back_as_it_was_appended() {
        NotificationLog log = log();
        List<DomainEvent> events = SampleEvents.everyKind();
        events.forEach(event -> log.append(LYNX, event));

        List<DomainEvent> read = log.readAfter(0, Set.of(LYNX), 100).notifications().stream()
                .map(Notification::event).toList();

        assertThat(read).containsExactlyElementsOf(events);
    }

    // fair shares

    @Test
    void a_flood_on_one_channel_leaves_another_channels_reader_resumable() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 10));
        Notification ocelotSaw = log.append(OCELOT, SampleEvents.numbered(1));
        Notification ocelotMissed = log.append(OCELOT, SampleEvents.numbered(2));
        Notification lynxSaw = log.append(LYNX, SampleEvents.numbered(3));
        for (int n = 4; n < 100; n++) {
            log.append(LYNX, SampleEvents.numbered(n));
        }
        log.prune();

        LogRead ocelot = log.readAfter(ocelotSaw.id(), Set.of(OCELOT), 10);
        assertThat(ocelot.expired()).as("ocelot's channel lost nothing to lynx's flood").isFalse();
        assertThat(ocelot.notifications()).extracting(Notification::id).containsExactly(ocelotMissed.id());
        assertThat(log.readAfter(lynxSaw.id(), Set.of(LYNX), 100).expired())
                .as("the flooded channel lost notifications after this id").isTrue();
        assertThat(log.readAfter(ocelotSaw.id(), Set.of(OCELOT, LYNX), 100).expired())
                .as("a reader of both channels lost some of lynx's").isTrue();
        assertThat(log.readAfter(ocelotSaw.id(), Set.of(OCELOT, ROOM), 100).expired()).isFalse();
    }

    @Test
    void the_flooded_channel_keeps_its_newest_within_the_count() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 10));
        log.append(OCELOT, SampleEvents.numbered(1));
        Notification newest = null;
        for (int n = 2; n < 100; n++) {
            newest = log.append(LYNX, SampleEvents.numbered(n));
        }
        log.prune();

        LogRead lynx = log.readNotingLosses(0, Set.of(LYNX, OCELOT), 100);
        assertThat(lynx.notifications()).hasSize(10);
        assertThat(lynx.notifications()).extracting(n -> n.channel()).containsOnlyOnce(OCELOT);
        assertThat(lynx.notifications().get(9).id()).isEqualTo(newest.id());
        assertThat(lynx.lost()).containsOnlyKeys(LYNX);
    }

    @Test
    void the_bytes_bound_drops_the_oldest_of_the_channel_holding_the_most_bytes() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 1_000, 20_000));
        Notification small = log.append(OCELOT, SampleEvents.numbered(1));
        String fourKiB = "x".repeat(4_096);
        Notification newest = null;
        for (int n = 2; n <= 21; n++) {
            newest = log.append(LYNX, SampleEvents.bulky(n, fourKiB));
        }
        log.prune();

        List<Notification> lynx = log.readNotingLosses(0, Set.of(LYNX), 100).notifications();
        assertThat(lynx).as("20 notifications of 4 KiB do not fit 20,000 bytes").hasSizeBetween(1, 4);
        assertThat(lynx.get(lynx.size() - 1).id()).isEqualTo(newest.id());
        assertThat(log.readAfter(0, Set.of(OCELOT), 10).notifications()).extracting(Notification::id)
                .as("the small channel keeps its share").containsExactly(small.id());
        assertThat(log.readAfter(small.id(), Set.of(LYNX), 100).expired()).isTrue();
    }

    @Test
    void a_read_noting_losses_names_the_channels_that_lost_and_still_gives_what_is_kept() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 3));
        Notification cursor = log.append(OCELOT, SampleEvents.numbered(1));
        Notification lynxFirst = log.append(LYNX, SampleEvents.numbered(2));
        log.append(LYNX, SampleEvents.numbered(3));
        Notification ocelot = log.append(OCELOT, SampleEvents.numbered(4));
        Notification lynxLast = log.append(LYNX, SampleEvents.numbered(5));
        log.prune();

        LogRead read = log.readNotingLosses(cursor.id(), Set.of(LYNX, OCELOT), 10);

        assertThat(read.expired()).isFalse();
        assertThat(read.lost()).containsOnlyKeys(LYNX);
        assertThat(read.lost().get(LYNX)).isGreaterThanOrEqualTo(lynxFirst.id()).isLessThan(lynxLast.id());
        assertThat(read.notifications()).extracting(Notification::id).contains(ocelot.id(), lynxLast.id());
        assertThat(log.readNotingLosses(lynxLast.id(), Set.of(LYNX), 10).lost()).as("nothing lost after it").isEmpty();
    }
    @Test
    void the_dispatchers_read_gives_every_channel_and_names_the_losses_of_those_watched() {
        NotificationLog log = newLog(clock, new NotificationRetention(Duration.ofMinutes(10), 3));
        Notification cursor = log.append(OCELOT, SampleEvents.numbered(1));
        log.append(LYNX, SampleEvents.numbered(2));
        log.append(LYNX, SampleEvents.numbered(3));
        Notification room = log.append(ROOM, SampleEvents.numbered(4));
        Notification lynxLast = log.append(LYNX, SampleEvents.numbered(5));
        log.prune();

        LogRead watchingOcelot = log.readAllNotingLosses(cursor.id(), Set.of(OCELOT), 10);
        LogRead watchingLynx = log.readAllNotingLosses(cursor.id(), Set.of(LYNX), 10);

        assertThat(watchingOcelot.expired()).isFalse();
        assertThat(watchingOcelot.notifications()).extracting(Notification::id)
                .as("every channel's, whatever is watched").containsSubsequence(room.id(), lynxLast.id());
        assertThat(watchingOcelot.lost()).isEmpty();
        assertThat(watchingLynx.lost()).containsOnlyKeys(LYNX);
        assertThat(log.readAllNotingLosses(cursor.id(), Set.of(LYNX), 1).notifications()).hasSize(1);
        assertThat(log.readAllNotingLosses(lynxLast.id() + 1_000, Set.of(LYNX), 10).expired()).isTrue();
    }
}
