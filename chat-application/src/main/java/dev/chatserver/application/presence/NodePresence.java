package dev.chatserver.application.presence;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.ConnectionSightings;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.PresenceBoard;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.domain.presence.NodeReport;
import dev.chatserver.domain.presence.PresenceFacts;
import dev.chatserver.domain.presence.PresenceRule;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence from what every node sees, by the domain's {@link PresenceRule}: a user is {@code online} while they
 * have a live connection on any node or polled within the poll grace, {@code away} when connected but idle
 * for the away delay, {@code offline} otherwise. This node reports its own facts to the {@link PresenceBoard}
 * and reads the other nodes' reports, which the domain merges ({@link NodeReport#mergePerUser}).
 * Every change this node notices is pushed on {@code presence:<id>} as
 * {@code {"type":"im_status","user_id":5,"im_status":"away"}}; changes that only time causes are found by
 * {@link #sweep()}, which a timer calls and tests call directly after moving the clock. The sweep also
 * re-reports this node's connections, which keeps them fresh on the board.
 *
 * <p>One per node, shared by {@link ReadPresenceService}, which reads it, and {@link TrackPresenceService}, which
 * changes it: what this node knows of its own users and has pushed of them is kept here, under one lock.
 */
public final class NodePresence {
    /** Reports older than this many sweeps no longer hold anyone online: their node stopped. */
    private static final int SWEEPS_BEFORE_STALE = 3;

    private final Clock clock;
    private final PresenceSettings settings;
    private final PresenceRule rule;
    private final NotificationBus bus;
    private final PresenceBoard board;
    private final ConnectionSightings sightings;
    private final String node;
    private final Map<UserId, PresenceFacts> local = new HashMap<>();
    private final Map<UserId, ImStatus> published = new HashMap<>();
    /** What the board holds of this node's facts, as last written. */
    private final Map<UserId, PresenceFacts> reported = new HashMap<>();

    @Inject
    public NodePresence(Clock clock, PresenceSettings settings, NotificationBus bus, PresenceBoard board,
                        ConnectionSightings sightings, IdGenerator ids) {
        this.clock = clock;
        this.settings = settings;
        this.rule = settings.rule();
        this.bus = bus;
        this.board = board;
        this.sightings = sightings;
        this.node = ids.newUuid().toString();
    }

    /** The status of each given user, in one read of the other nodes' reports however many. */
    Map<UserId, ImStatus> statusOf(Collection<UserId> users) {
        Instant now = clock.instant();
        Map<UserId, PresenceFacts> others = othersOn(users, now);
        Map<UserId, ImStatus> statuses = new LinkedHashMap<>();
        synchronized (this) {
            for (UserId user : users) {
                statuses.put(user, status(combine(local.get(user), others.get(user)), now));
            }
        }
        return statuses;
    }

    /** Recomputes every tracked user's status at the clock's time and pushes each change. */
    synchronized void sweep() {
        Instant now = clock.instant();
        Set<UserId> known = new HashSet<>(local.keySet());
        known.addAll(published.keySet());
        Map<UserId, PresenceFacts> others = othersOn(known, now);
        List<UserId> connected = new ArrayList<>();
        for (UserId user : known) {
            PresenceFacts mine = local.get(user);
            if (mine != null && mine.connections() > 0) {
                mine = mine.reportedAt(now);
                local.put(user, mine);
                report(user, mine);
                connected.add(user);
            }
            ImStatus status = status(combine(mine, others.get(user)), now);
            pushIfChanged(user, status);
            if (status == ImStatus.OFFLINE && (mine == null || mine.connections() == 0)) {
                local.remove(user);
                published.remove(user);
                reported.remove(user);
                board.forget(node, user);
            }
        }
        // who is connected to this node, for the away-from-chat emails: one write a sweep however many
        sightings.seen(connected, now);
    }

    /** What one thing a user did makes of this node's facts about them. */
    interface Change {
        PresenceFacts apply(PresenceFacts facts, Instant now);
    }

    /**
     * Changes and pushes under one lock, so that pushes leave in the order the changes happened. A user who
     * comes back ({@code returning}) from offline counts as active from now on.
     */
    synchronized void change(UserId user, boolean returning, Change change) {
        Instant now = clock.instant();
        PresenceFacts before = local.getOrDefault(user, PresenceFacts.NONE);
        if (returning && mergedStatus(user, before, now) == ImStatus.OFFLINE) {
            before = before.withLastActivity(now);
        }
        PresenceFacts after = change.apply(before, now).reportedAt(now);
        local.put(user, after);
        reportIfNews(user, after);
        pushIfChanged(user, mergedStatus(user, after, now));
    }

    /**
     * The status from this node's facts and the other nodes' reports. Merging only adds connections and newer
     * times, so when this node's own facts make the user online with a known activity, the others cannot change
     * it and are not read: a user opening their hundredth socket costs no query.
     */
    private ImStatus mergedStatus(UserId user, PresenceFacts mine, Instant now) {
        if (mine.lastActivity() != null && status(mine, now) == ImStatus.ONLINE) {
            return ImStatus.ONLINE;
        }
        return status(combine(mine, othersOn(List.of(user), now).get(user)), now);
    }

    /**
     * Writes this node's facts to the board when the other nodes would decide anything differently from them, and
     * then the user's sighting too (a socket opened or closed, a new poll): between sweeps that is as exact as the
     * away-from-chat emails need, and a user's further sockets cost nothing.
     */
    private void reportIfNews(UserId user, PresenceFacts facts) {
        PresenceFacts last = reported.get(user);
        if (last == null || facts.worthReportingOver(last, settings.sweepEvery())) {
            report(user, facts);
            sightings.seen(List.of(user), facts.reportedAt());
        }
    }

    private void report(UserId user, PresenceFacts facts) {
        board.report(node, user, facts);
        reported.put(user, facts);
    }

    /** What the other nodes reported of these users, merged per user by the domain, in one read. */
    private Map<UserId, PresenceFacts> othersOn(Collection<UserId> users, Instant now) {
        return NodeReport.mergePerUser(board.reports(users, node), freshSince(now));
    }

    /** This node's own facts, always current, with what the other nodes reported. */
    private static PresenceFacts combine(PresenceFacts mine, PresenceFacts others) {
        return mine == null ? others : mine.with(others);
    }

    private void pushIfChanged(UserId user, ImStatus status) {
        if (status != published.getOrDefault(user, ImStatus.OFFLINE)) {
            published.put(user, status);
            push(user, status);
        }
    }

    private Instant freshSince(Instant now) {
        return now.minus(settings.sweepEvery().multipliedBy(SWEEPS_BEFORE_STALE));
    }

    private ImStatus status(PresenceFacts facts, Instant now) {
        return rule.status(facts, now);
    }

    private void push(UserId user, ImStatus status) {
        bus.publish(Channel.ofPresence(user), new PresenceChanged(user, status));
    }
}
