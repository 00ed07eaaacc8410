package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import jakarta.inject.Inject;

import dev.chatserver.application.port.in.realtime.Listener;

import java.time.Clock;
import java.util.LinkedHashSet;
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
    private final SessionAudience audience;

    @Inject
    public CatchUp(NotificationLog log, ChannelRegistry registry, RealtimeSettings settings, Clock clock,
                   SessionAudience audience) {
        this.log = log;
        this.audience = audience;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    /** The id of the newest notification now: a catch-up begun after reading it has seen everything up to it. */
    long head() {
        return log.lastId();
    }

    /** The channels a subscription of {@code listener} on {@code channels} follows: with its sessions' (see {@link SessionAudience}). */
    Set<Channel> following(Listener listener, Set<Channel> channels) {
        return audience.following(listener, channels);
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
     * What a long-poll of {@code listener} on {@code channels} hears after {@code last}: {@link #first}, read again
     * with the sessions it tells the listener they joined, as the listener hears it (see {@link SessionAudience}).
     */
    LogRead firstHeard(Listener listener, Set<Channel> channels, long last) {
        LogRead read = first(channels, last);
        Set<Channel> joined = audience.joined(listener, channels, read.notifications());
        if (!joined.isEmpty()) {
            Set<Channel> following = new LinkedHashSet<>(channels);
            following.addAll(joined);
            read = first(following, last);
        }
        return audience.heardBy(listener, read);
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
                read = subscriber.lastSent == 0 ? first(subscriber.channels, 0)
                        : log.readAfter(subscriber.lastSent, subscriber.channels, settings.readBatch());
                if (read.expired()) {
                    // the retention overtook a paused catch-up
                    long resumedFrom = subscriber.lastSent;
                    subscriber.catchingUp = false;
                    subscriber.lastSent = log.lastId();
                    warnExpired(subscriber, resumedFrom);
                    return;
                }
            }
            Set<Channel> joined = audience.joined(subscriber.listener, subscriber.channels, read.notifications());
            if (!joined.isEmpty()) {
                // read again with the sessions it joined meanwhile: this read left them out
                registry.follow(subscriber, joined);
                read = null;
                continue;
            }
            LogRead heard = audience.heardBy(subscriber.listener, read);
            if (!heard.notifications().isEmpty()) {
                int taken = subscriber.takeWhileRoom(heard.notifications());
                if (taken < 0) {
                    registry.unregister(subscriber);
                    return;
                }
                if (taken < heard.notifications().size()) {
                    // the sink filled up within this read: it calls drained(), and the rest is read again then
                    return;
                }
            }
            if (heard != read) {
                // past what it does not hear too, so that the next read starts after it
                subscriber.lastSent = Math.max(subscriber.lastSent, heard.passedUpTo());
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
