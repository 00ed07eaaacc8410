package dev.chatserver.application.presence;

import dev.chatserver.domain.presence.PresenceRule;

import java.time.Duration;

/**
 * @param pollGrace    a user who polled within this long counts as connected (a minute)
 * @param awayAfter    a connected user idle this long is away (ten minutes)
 * @param sweepEvery   how often presence is recomputed to push changes that only time causes
 */
public record PresenceSettings(Duration pollGrace, Duration awayAfter, Duration sweepEvery) {
    public static final PresenceSettings DEFAULT =
            new PresenceSettings(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofSeconds(10));

    /** The domain's rule for these poll grace and away delay. */
    public PresenceRule rule() {
        return new PresenceRule(pollGrace, awayAfter);
    }
}
