package dev.chatserver.domain.notify;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwayRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant AWAY_SINCE = NOW.minusSeconds(600);
    private final AwayRule rule = new AwayRule(NOW, AWAY_SINCE);

    @Test
    void a_member_away_since_before_the_delay_who_read_past_the_last_digest_is_owed_one() {
        assertThat(rule.owesDigest(EmailChoice.ALL, false, null, 0, OptionalLong.empty())).isTrue();
        assertThat(rule.owesDigest(EmailChoice.MENTIONS, false, AWAY_SINCE.minusSeconds(1), 7, OptionalLong.of(7)))
                .isTrue();
    }

    @Test
    void none_when_refused_muted_seen_since_or_not_read_past_the_last_digest() {
        assertThat(rule.owesDigest(EmailChoice.NONE, false, null, 0, OptionalLong.empty())).isFalse();
        assertThat(rule.owesDigest(EmailChoice.ALL, true, null, 0, OptionalLong.empty())).isFalse();
        assertThat(rule.owesDigest(EmailChoice.ALL, false, AWAY_SINCE, 0, OptionalLong.empty())).isFalse();
        assertThat(rule.owesDigest(EmailChoice.ALL, false, null, 6, OptionalLong.of(7))).isFalse();
    }

    @Test
    void a_mute_silences_until_its_time_and_a_choice_is_read_by_its_wire_name() {
        SessionMute mute = new SessionMute(UserId.of(1), 2, NOW);
        assertThat(mute.silencesAt(NOW.minusSeconds(1))).isTrue();
        assertThat(mute.silencesAt(NOW)).isFalse();
        assertThat(EmailChoice.parse("email", "mentions")).isEqualTo(EmailChoice.MENTIONS);
        assertThatThrownBy(() -> EmailChoice.parse("email", "MENTIONS"))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("email"));
    }
}
