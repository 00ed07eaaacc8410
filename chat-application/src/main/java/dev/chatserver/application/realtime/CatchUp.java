package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Reads what a new subscription missed and hands it over with back-pressure: a batch at a time, only while the
 * sink has room (and within a batch only what the sink has room for), until it reaches the present and the
 * dispatcher takes over.
 *
 * <p>The log is read outside the registry's lock, which every subscription and delivery of the node takes: a read
 * may wait on the database, and thousands of sockets subscribing at once must not queue behind each other's
 * reads. Each read first notes the newest id ({@code covered}): a short read has seen everything up to it. The
 * hand-over then happens under the lock, and the dispatcher takes the subscriber over only when its cursor has not
 * passed {@code covered} (what it handed out meanwhile skipped the subscriber, which was catching up); otherwise
 * the subscriber reads on from there.
 */
public final class CatchUp {
    /** How many times the dispatcher may pass a catch-up's reads before one is made holding the registry. */
    static final int MAX_OVERTAKEN = 3;

    private final NotificationLog log;
    private final ChannelRegistry registry;
    private final NotificationDispatcher dispatcher;
    private final RealtimeSettings settings;
    private final Clock clock;

    @Inject
    public CatchUp(NotificationLog log, ChannelRegistry registry, NotificationDispatcher dispatcher,
                   RealtimeSettings settings, Clock clock) {
        this.log = log;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** The id of the newest notification now: a catch-up begun after reading it has seen everything up to it. */
    long head() {
        return log.lastId();
    }

    /** What a subscription on {@code channels} missed after {@code last}: within the recent window for 0. */
    LogRead first(Set<Channel> channels, long last) {
        if (channels.isEmpty()) {
            return LogRead.of(List.of());
        }
        if (last == 0) {
            return log.readSince(clock.instant().minus(settings.pollTimeout()), channels, settings.readBatch());
        }
        return log.readAfter(last, channels, settings.readBatch());
    }

    /** What was appended on {@code channels} after {@code from}, a batch at most. */
    LogRead after(Set<Channel> channels, long from) {
        return log.readAfter(from, channels, settings.readBatch());
    }

    /**
     * Catches up a subscriber just admitted, under subscription number {@code subscription}, which claimed its
     * catch-up ({@link Subscriber#catchUpOf}); {@code covered} was read before {@code first}. Stops when the
     * subscriber reaches the present, its sink is full (it calls {@link #resume} once drained) or a newer
     * subscription replaced this one.
     */
    void follow(Subscriber subscriber, long subscription, long covered, LogRead first) {
        run(subscriber, subscription, covered, first, true);
    }

    /** Goes on with a catch-up its sink paused; nothing when none is waiting or one is running. */
    void resume(Subscriber subscriber) {
        long subscription;
        long from;
        Set<Channel> channels;
        synchronized (registry) {
            if (subscriber.dropped || !subscriber.catchingUp || subscriber.catchUpOf == subscriber.subscription) {
                return;
            }
            subscription = subscriber.subscription;
            subscriber.catchUpOf = subscription;
            from = subscriber.lastSent;
            channels = subscriber.channels;
        }
        long covered = log.lastId();
        run(subscriber, subscription, covered, log.readAfter(from, channels, settings.readBatch()), false);
    }

    private void run(Subscriber subscriber, long subscription, long covered, LogRead read, boolean firstRead) {
        int overtaken = 0;
        while (true) {
            long readFrom;
            Set<Channel> channels;
            synchronized (registry) {
                if (subscriber.subscription != subscription) {
                    // a newer subscription runs its own catch-up
                    return;
                }
                Step step = handOver(subscriber, covered, read, firstRead);
                while (step == Step.READ_ON_FROM_COVERED && ++overtaken > MAX_OVERTAKEN) {
                    // under a flood the dispatcher may keep passing the reads: the last one holds it back
                    covered = log.lastId();
                    read = log.readAfter(Math.max(subscriber.lastSent, covered), subscriber.channels,
                            settings.readBatch());
                    step = handOver(subscriber, covered, read, false);
                }
                if (step == Step.STOP) {
                    subscriber.catchUpOf = 0;
                    return;
                }
                readFrom = step == Step.READ_ON_FROM_COVERED ? Math.max(subscriber.lastSent, covered)
                        : subscriber.lastSent;
                channels = subscriber.channels;
            }
            covered = log.lastId();
            read = log.readAfter(readFrom, channels, settings.readBatch());
            firstRead = false;
        }
    }

    private enum Step { STOP, READ_ON, READ_ON_FROM_COVERED }

    /** Under the registry's lock: hands {@code read} over and tells what comes next. */
    private Step handOver(Subscriber subscriber, long covered, LogRead read, boolean firstRead) {
        if (subscriber.dropped) {
            return Step.STOP;
        }
        if (read.expired()) {
            subscriber.catchingUp = false;
            if (firstRead) {
                long last = subscriber.lastSent;
                subscriber.lastSent = 0;
                warnExpired(subscriber, last);
            } else {
                // the retention overtook a paused catch-up
                long resumedFrom = subscriber.lastSent;
                subscriber.lastSent = Math.max(covered, dispatcher.cursor());
                warnExpired(subscriber, resumedFrom);
            }
            return Step.STOP;
        }
        List<Notification> unsent = read.notifications().stream().filter(n -> n.id() > subscriber.lastSent).toList();
        if (!unsent.isEmpty()) {
            int taken = subscriber.takeWhileRoom(unsent);
            if (taken < 0) {
                registry.unregister(subscriber);
                return Step.STOP;
            }
            if (taken < unsent.size()) {
                // the sink filled up within this read: it calls drained(), and the rest is read again then
                return Step.STOP;
            }
        }
        Step next;
        if (read.notifications().size() >= settings.readBatch()) {
            next = Step.READ_ON;
        } else if (dispatcher.cursor() <= covered) {
            subscriber.catchingUp = false;
            return Step.STOP;
        } else {
            next = Step.READ_ON_FROM_COVERED;
        }
        // a sink without room calls drained() once it has some, and the catch-up resumes then
        return subscriber.sink.hasRoom() ? next : Step.STOP;
    }

    /** Tells the subscriber that {@code last} is older than what is retained; drops it when its sink broke. */
    void warnExpired(Subscriber subscriber, long last) {
        if (!subscriber.warnExpired(last)) {
            registry.unregister(subscriber);
        }
    }
}
