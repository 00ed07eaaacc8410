package dev.chatserver.application.presence;

import dev.chatserver.application.port.in.presence.TrackPresence;
import dev.chatserver.domain.account.UserId;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * What a user does, turned into this node's facts about them ({@link NodePresence}, which pushes each change of
 * status): a connection opening or closing, a poll, a report of how long they have been idle.
 */
public final class TrackPresenceService implements TrackPresence {
    private final NodePresence presence;

    @Inject
    public TrackPresenceService(NodePresence presence) {
        this.presence = presence;
    }

    @Override
    public void connected(UserId user) {
        presence.change(user, true, (facts, now) -> facts.withConnections(facts.connections() + 1));
    }

    @Override
    public void disconnected(UserId user) {
        presence.change(user, false, (facts, now) -> facts.withConnections(Math.max(0, facts.connections() - 1)));
    }

    @Override
    public void polled(UserId user) {
        presence.change(user, true, (facts, now) -> facts.withLastPoll(now));
    }

    @Override
    public void inactiveFor(UserId user, Duration inactivity) {
        Duration idle = inactivity.isNegative() ? Duration.ZERO : inactivity;
        presence.change(user, false, (facts, now) -> {
            Instant active = now.minus(idle);
            return facts.lastActivity() == null || active.isAfter(facts.lastActivity())
                    ? facts.withLastActivity(active) : facts;
        });
    }

    @Override
    public void sweep() {
        presence.sweep();
    }
}
