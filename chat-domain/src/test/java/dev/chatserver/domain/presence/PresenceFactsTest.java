package dev.chatserver.domain.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceFactsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
    private static final Duration TOLERANCE = Duration.ofSeconds(10);
    private static final PresenceFacts REPORTED = new PresenceFacts(1, null, NOW, NOW);

    @Test
    void another_connection_or_activity_within_the_tolerance_is_not_worth_reporting() {
        assertThat(REPORTED.withConnections(7).reportedAt(NOW.plusSeconds(1)).worthReportingOver(REPORTED, TOLERANCE))
                .isFalse();
        assertThat(REPORTED.withLastActivity(NOW.plusSeconds(9)).worthReportingOver(REPORTED, TOLERANCE)).isFalse();
    }

    @Test
    void being_connected_or_not_a_new_poll_and_activity_beyond_the_tolerance_are() {
        assertThat(REPORTED.withConnections(0).worthReportingOver(REPORTED, TOLERANCE)).isTrue();
        assertThat(REPORTED.withLastPoll(NOW.plusMillis(1)).worthReportingOver(REPORTED, TOLERANCE)).isTrue();
        assertThat(REPORTED.withLastActivity(NOW.plus(TOLERANCE)).worthReportingOver(REPORTED, TOLERANCE)).isTrue();
        assertThat(new PresenceFacts(1, null, null, NOW).worthReportingOver(REPORTED, TOLERANCE)).isTrue();
    }
}
