package dev.chatserver.domain.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a user's {@link ImStatus} follows from the facts of their presence: {@code online} while they have a
 * live connection, or polled less than {@code pollGrace} ago; {@code away} when so but idle for
 * {@code awayAfter} or longer; {@code offline} otherwise.
 *
 * @param pollGrace a user who polled within this long counts as connected
 * @param awayAfter a connected user idle this long is away
 */
public record PresenceRule(Duration pollGrace, Duration awayAfter) {
    public PresenceRule {
        Objects.requireNonNull(pollGrace, "pollGrace");
        Objects.requireNonNull(awayAfter, "awayAfter");
        if (pollGrace.isNegative() || awayAfter.isNegative()) {
            throw new IllegalArgumentException("presence durations are never negative");
        }
    }

    /** The status these facts give at {@code now}; no facts at all ({@code null}) is offline. */
    public ImStatus status(PresenceFacts facts, Instant now) {
        if (facts == null || !isLive(facts, now)) {
            return ImStatus.OFFLINE;
        }
        return isIdle(facts, now) ? ImStatus.AWAY : ImStatus.ONLINE;
    }

    private boolean isLive(PresenceFacts facts, Instant now) {
        return facts.connections() > 0
                || (facts.lastPoll() != null && facts.lastPoll().plus(pollGrace).isAfter(now));
    }

    private boolean isIdle(PresenceFacts facts, Instant now) {
        return facts.lastActivity() != null && !facts.lastActivity().plus(awayAfter).isAfter(now);
    }
}
