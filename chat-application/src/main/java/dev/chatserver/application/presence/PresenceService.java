package dev.chatserver.application.presence;

import dev.chatserver.application.notification.Channel;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Presence from what this node sees: a user is {@code online} while they have a live connection or polled
 * within the poll grace, {@code away} when connected but idle for the away delay, {@code offline} otherwise.
 * Every change is pushed on {@code presence:<id>} as {@code {"type":"im_status","user_id":5,"im_status":"away"}};
 * changes that only time causes are found by {@link #sweep()}, which a timer calls and tests call directly
 * after moving the clock.
 */
public final class PresenceService implements ReadPresence, TrackPresence {
    private static final class Tracked {
        int connections;
        Instant lastPoll;
        Instant lastActivity;
        ImStatus published = ImStatus.OFFLINE;
    }

    private final Clock clock;
    private final PresenceSettings settings;
    private final NotificationBus bus;
    private final Map<UserId, Tracked> tracked = new HashMap<>();

    @Inject
    public PresenceService(Clock clock, PresenceSettings settings, NotificationBus bus) {
        this.clock = clock;
        this.settings = settings;
        this.bus = bus;
    }

    @Override
    public ImStatus statusOf(UserId user) {
        return statusOf(java.util.List.of(user)).get(user);
    }

    @Override
    public synchronized Map<UserId, ImStatus> statusOf(Collection<UserId> users) {
        Instant now = clock.instant();
        Map<UserId, ImStatus> statuses = new LinkedHashMap<>();
        for (UserId user : users) {
            Tracked state = tracked.get(user);
            statuses.put(user, state == null ? ImStatus.OFFLINE : status(state, now));
        }
        return statuses;
    }

    @Override
    public void connected(UserId user) {
        change(user, (state, now) -> {
            markActiveIfReturning(state, now);
            state.connections++;
        });
    }

    @Override
    public void disconnected(UserId user) {
        change(user, (state, now) -> state.connections = Math.max(0, state.connections - 1));
    }

    @Override
    public void polled(UserId user) {
        change(user, (state, now) -> {
            markActiveIfReturning(state, now);
            state.lastPoll = now;
        });
    }

    @Override
    public void inactiveFor(UserId user, Duration inactivity) {
        Duration idle = inactivity.isNegative() ? Duration.ZERO : inactivity;
        change(user, (state, now) -> {
            Instant active = now.minus(idle);
            if (state.lastActivity == null || active.isAfter(state.lastActivity)) {
                state.lastActivity = active;
            }
        });
    }

    @Override
    public synchronized void sweep() {
        Instant now = clock.instant();
        tracked.entrySet().removeIf(entry -> {
            Tracked state = entry.getValue();
            pushIfChanged(entry.getKey(), state, now);
            return state.published == ImStatus.OFFLINE && state.connections == 0;
        });
    }

    private interface Change {
        void apply(Tracked state, Instant now);
    }

    /** Changes and pushes under one lock, so pushes leave in the order the changes happened. */
    private synchronized void change(UserId user, Change change) {
        Instant now = clock.instant();
        Tracked state = tracked.computeIfAbsent(user, u -> new Tracked());
        change.apply(state, now);
        pushIfChanged(user, state, now);
    }

    private void markActiveIfReturning(Tracked state, Instant now) {
        if (status(state, now) == ImStatus.OFFLINE) {
            state.lastActivity = now;
        }
    }

    private void pushIfChanged(UserId user, Tracked state, Instant now) {
        ImStatus status = status(state, now);
        if (status != state.published) {
            state.published = status;
            push(user, status);
        }
    }

    private ImStatus status(Tracked state, Instant now) {
        boolean live = state.connections > 0
                || (state.lastPoll != null && state.lastPoll.plus(settings.pollGrace()).isAfter(now));
        if (!live) {
            return ImStatus.OFFLINE;
        }
        boolean idle = state.lastActivity != null && !state.lastActivity.plus(settings.awayAfter()).isAfter(now);
        return idle ? ImStatus.AWAY : ImStatus.ONLINE;
    }

    private void push(UserId user, ImStatus status) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "im_status");
        message.put("user_id", user.value());
        message.put("im_status", status.wireName());
        bus.publish(Channel.ofPresence(user), message);
    }
}
