package dev.chatserver.application.budget;

import dev.chatserver.application.contract.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T07:46:21Z");
    private static final String LYNX = "lynx";
    private static final String OCELOT = "ocelot";

    private final MutableClock clock = new MutableClock(NOW);
    /** Three tokens, one back every 20 s. */
    private final TokenBuckets buckets = new TokenBuckets(Rate.of(3, Duration.ofMinutes(1)), clock);

    @Test
    void a_full_bucket_gives_its_burst_at_once_then_refuses_until_one_token_is_back() {
        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).isEmpty();

        assertThat(buckets.take(LYNX)).contains(Duration.ofSeconds(20));
    }

    @Test
    void the_wait_answered_is_the_time_until_a_token_is_back_and_a_refusal_takes_nothing() {
        take(LYNX, 3);
        clock.advance(Duration.ofSeconds(15));

        assertThat(buckets.take(LYNX)).contains(Duration.ofSeconds(5));
        assertThat(buckets.take(LYNX)).contains(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).contains(Duration.ofSeconds(20));
    }

    @Test
    void tokens_come_back_at_the_rate_and_never_above_the_burst() {
        take(LYNX, 3);
        clock.advance(Duration.ofSeconds(40));
        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).isPresent();

        clock.advance(Duration.ofHours(5));
        take(LYNX, 3);
        assertThat(buckets.take(LYNX)).isPresent();
    }

    @Test
    void each_holder_has_a_bucket_of_its_own() {
        take(LYNX, 3);
        assertThat(buckets.take(LYNX)).isPresent();

        assertThat(buckets.take(OCELOT)).isEmpty();
    }

    @Test
    void a_token_given_back_can_be_taken_again() {
        take(LYNX, 3);
        buckets.giveBack(LYNX);

        assertThat(buckets.take(LYNX)).isEmpty();
        assertThat(buckets.take(LYNX)).isPresent();
    }

    @Test
    void only_holders_whose_bucket_is_not_full_again_are_kept() {
        for (int i = 0; i < 1000; i++) {
            assertThat(buckets.take("holder-" + i)).isEmpty();
        }
        assertThat(buckets.holders()).isEqualTo(1000);

        // each bucket is full again 20 s after its one token was taken; past the sweep period the map is swept
        clock.advance(Duration.ofMinutes(1));
        assertThat(buckets.take(LYNX)).isEmpty();

        assertThat(buckets.holders()).isEqualTo(1);
    }

    @Test
    void a_holder_given_back_every_token_has_no_entry() {
        buckets.take(LYNX);
        buckets.giveBack(LYNX);

        assertThat(buckets.holders()).isZero();
    }

    private void take(String holder, int tokens) {
        for (int i = 0; i < tokens; i++) {
            assertThat(buckets.take(holder)).as("token %d", i + 1).isEqualTo(Optional.empty());
        }
    }
}
