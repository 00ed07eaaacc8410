package dev.chatserver.domain.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final PresenceRule RULE = new PresenceRule(Duration.ofMinutes(1), Duration.ofMinutes(10));

    private static PresenceFacts facts(int connections, Instant lastPoll, Instant lastActivity) {
        return new PresenceFacts(connections, lastPoll, lastActivity, NOW);
    }

    @Test
    void no_facts_at_all_is_offline() {
        assertThat(RULE.status(null, NOW)).isEqualTo(ImStatus.OFFLINE);
        assertThat(RULE.status(PresenceFacts.NONE, NOW)).isEqualTo(ImStatus.OFFLINE);
    }

    @Test
    void a_live_connection_is_online() {
        assertThat(RULE.status(facts(1, null, null), NOW)).isEqualTo(ImStatus.ONLINE);
        assertThat(RULE.status(facts(1, null, NOW), NOW)).isEqualTo(ImStatus.ONLINE);
    }

    @Test
    void a_poll_holds_a_user_online_for_strictly_less_than_the_grace() {
        Instant polled = NOW.minus(Duration.ofMinutes(1));

        assertThat(RULE.status(facts(0, polled.plusNanos(1), null), NOW)).isEqualTo(ImStatus.ONLINE);
        assertThat(RULE.status(facts(0, polled, null), NOW)).isEqualTo(ImStatus.OFFLINE);
        assertThat(RULE.status(facts(0, polled.minusSeconds(1), null), NOW)).isEqualTo(ImStatus.OFFLINE);
    }

    @Test
    void a_live_user_idle_for_the_away_delay_or_longer_is_away() {
        Instant tenMinutesAgo = NOW.minus(Duration.ofMinutes(10));

        assertThat(RULE.status(facts(1, null, tenMinutesAgo.plusNanos(1)), NOW)).isEqualTo(ImStatus.ONLINE);
        assertThat(RULE.status(facts(1, null, tenMinutesAgo), NOW)).isEqualTo(ImStatus.AWAY);
        assertThat(RULE.status(facts(1, null, tenMinutesAgo.minusSeconds(60)), NOW)).isEqualTo(ImStatus.AWAY);
        assertThat(RULE.status(facts(0, NOW.minusSeconds(5), tenMinutesAgo), NOW)).isEqualTo(ImStatus.AWAY);
    }

    @Test
    void an_idle_user_who_is_not_live_is_offline_not_away() {
        assertThat(RULE.status(facts(0, NOW.minusSeconds(120), NOW.minusSeconds(3600)), NOW)).isEqualTo(ImStatus.OFFLINE);
    }
}
