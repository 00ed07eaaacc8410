package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.out.LiveSignals;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dispatch loop: after every append, on the scheduler's thread (off the publisher's request path), reads
 * what the log holds beyond its cursor on the channels someone listens to and hands each subscriber what is on
 * its channels. A subscriber remembers the last id handed to it, so whichever of its catch-up and the
 * dispatcher saw a notification first, it gets it once and in order.
 *
 * <p>Transient signals (typing) never enter the log: each is handed at once, on the thread that sent or heard
 * it, to the subscribers on its channel, under the id of the last notification each was given, so nobody's
 * resume point moves. A subscriber still catching up gets none (it is behind anyway; a signal is no news that
 * must arrive), and a held long-poll is answered with it, as with any notification.
 */
@Singleton
public final class NotificationDispatcher {
    private final NotificationLog log;
    private final ChannelRegistry registry;
    private final RealtimeSettings settings;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    /** The id up to which every notification was handed out; guarded by the registry. */
    private long cursor;

    @Inject
    public NotificationDispatcher(NotificationLog log, LiveSignals signals, ChannelRegistry registry,
                                  RealtimeSettings settings, ScheduledExecutorService scheduler) {
        this.log = log;
        this.registry = registry;
        this.settings = settings;
        this.scheduler = scheduler;
        this.cursor = log.lastId();
        log.onAppend(this::wake);
        signals.onSignal(this::signal);
    }

    /** Delivers whatever the log holds beyond the cursor now; the scheduler calls it after every append. */
    public void dispatch() {
        dispatchScheduled.set(false);
        synchronized (registry) {
            while (true) {
                if (registry.isEmpty()) {
                    cursor = log.lastId();
                    return;
                }
                LogRead read = log.readNotingLosses(cursor, registry.channels(), settings.readBatch());
                if (read.expired()) {
                    skipLostNotifications();
                    return;
                }
                warnWhoLost(read.lost());
                handOut(read.notifications());
                cursor = read.lastIdOr(cursor);
                if (read.notifications().size() < settings.readBatch()) {
                    return;
                }
            }
        }
    }

    /** Hands a transient signal to whoever listens on its channel now; it is not kept. */
    void signal(Notification signal) {
        synchronized (registry) {
            for (Subscriber subscriber : List.copyOf(registry.on(signal.channel()))) {
                if (!subscriber.catchingUp && !subscriber.take(List.of(signal.signalAfter(subscriber.lastSent)))) {
                    registry.unregister(subscriber);
                }
            }
        }
    }

    /**
     * Registers the subscriber on {@code channels}; its catch-up read everything up to at least {@code head}.
     * When nobody listened before, the cursor may be far behind: it moves up to {@code head}, since nothing
     * before it is owed to anyone. Called holding the registry.
     */
    void admit(Subscriber subscriber, Set<Channel> channels, long head) {
        if (registry.isEmpty()) {
            cursor = Math.max(cursor, head);
        }
        registry.register(subscriber, channels);
    }

    /** How far the dispatcher has handed out the log. Called holding the registry. */
    long cursor() {
        return cursor;
    }

    private void wake() {
        if (dispatchScheduled.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::dispatch);
            } catch (RejectedExecutionException stopped) {
                // the server is stopping: nobody is left to deliver to
                dispatchScheduled.set(false);
            }
        }
    }

    private void handOut(List<Notification> notifications) {
        Map<Subscriber, List<Notification>> batches = new LinkedHashMap<>();
        for (Notification notification : notifications) {
            for (Subscriber subscriber : registry.on(notification.channel())) {
                if (!subscriber.catchingUp && notification.id() > subscriber.lastSent) {
                    batches.computeIfAbsent(subscriber, s -> new ArrayList<>()).add(notification);
                }
            }
        }
        batches.forEach((subscriber, batch) -> {
            if (!subscriber.take(batch)) {
                registry.unregister(subscriber);
            }
        });
    }

    /**
     * Some channels lost notifications the dispatcher had not handed out yet (another channel's flood took the
     * log's room): only their subscribers are told to reload, once per loss, and go on from what they missed.
     */
    private void warnWhoLost(Map<Channel, Long> lost) {
        lost.forEach((channel, lostUpTo) -> {
            for (Subscriber subscriber : List.copyOf(registry.on(channel))) {
                if (!subscriber.catchingUp && subscriber.lastSent < lostUpTo) {
                    long resumedFrom = subscriber.lastSent;
                    subscriber.lastSent = lostUpTo;
                    if (!subscriber.warnExpired(resumedFrom)) {
                        registry.unregister(subscriber);
                    }
                }
            }
        });
    }

    /** The dispatcher fell further behind than the retention: everyone may have missed something. */
    private void skipLostNotifications() {
        long resumedFrom = cursor;
        cursor = log.lastId();
        for (Subscriber subscriber : registry.everyone()) {
            subscriber.lastSent = cursor;
            if (!subscriber.warnExpired(resumedFrom)) {
                registry.unregister(subscriber);
            }
        }
    }
}
