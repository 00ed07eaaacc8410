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
 * sink has room (and within a batch only what the sink has room for), until a short read shows it reached the present and the dispatcher takes over.
 */
public final class CatchUp {
    private final NotificationLog log;
    private final ChannelRegistry registry;
    private final RealtimeSettings settings;
    private final Clock clock;

    @Inject
    public CatchUp(NotificationLog log, ChannelRegistry registry, RealtimeSettings settings, Clock clock) {
        this.log = log;
        this.registry = registry;
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

    /**
     * Hands the subscriber the log after its last id, a batch at a time while its sink has room; once a read
     * comes back short it has reached the present and is no longer catching up. {@code ready} is a batch
     * already read, or null. Called holding the registry.
     */
    void resume(Subscriber subscriber, LogRead ready) {
        LogRead read = ready;
        while (!subscriber.dropped) {
            if (read == null) {
                if (!subscriber.sink.hasRoom()) {
                    return;
                }
                read = log.readAfter(subscriber.lastSent, subscriber.channels, settings.readBatch());
                if (read.expired()) {
                    // the retention overtook a paused catch-up
                    long resumedFrom = subscriber.lastSent;
                    subscriber.catchingUp = false;
                    subscriber.lastSent = log.lastId();
                    warnExpired(subscriber, resumedFrom);
                    return;
                }
            }
            if (!read.notifications().isEmpty()) {
                List<Notification> hearable = subscriber.hearable(read.notifications());
                int taken = subscriber.takeWhileRoom(hearable);
                if (taken < 0) {
                    registry.unregister(subscriber);
                    return;
                }
                registry.leave(subscriber, subscriber.bannedFrom(hearable.subList(0, taken)));
                if (taken < hearable.size()) {
                    // the sink filled up within this read: it calls drained(), and the rest is read again then
                    return;
                }
            }
            if (read.notifications().size() < settings.readBatch()) {
                subscriber.catchingUp = false;
                return;
            }
            read = null;
        }
    }

    /** Tells the subscriber that {@code last} is older than what is retained; drops it when its sink broke. */
    void warnExpired(Subscriber subscriber, long last) {
        if (!subscriber.warnExpired(last)) {
            registry.unregister(subscriber);
        }
    }
}
