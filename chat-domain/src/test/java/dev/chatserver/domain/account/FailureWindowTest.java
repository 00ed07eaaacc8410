package dev.chatserver.domain.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final FailureWindow window = new FailureWindow(3, Duration.ofMinutes(15));

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void fewer_failures_than_the_limit_leave_attempts_open() {
        assertThat(window.closedUntil(List.of(minutesAgo(1), minutesAgo(2)), NOW)).isEmpty();
    }

    @Test
    void the_limit_reached_closes_attempts_until_the_oldest_counted_failure_leaves_the_window() {
        assertThat(window.closedUntil(List.of(minutesAgo(1), minutesAgo(5), minutesAgo(10)), NOW))
                .contains(minutesAgo(10).plus(Duration.ofMinutes(15)));
    }

    @Test
    void more_failures_than_the_limit_count_from_the_limit_th_newest() {
        assertThat(window.closedUntil(List.of(minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(14)), NOW))
                .contains(minutesAgo(3).plus(Duration.ofMinutes(15)));
    }

    @Test
    void attempts_reopen_when_the_window_has_passed() {
        assertThat(window.closedUntil(List.of(minutesAgo(15), minutesAgo(16), minutesAgo(17)), NOW)).isEmpty();
        assertThat(window.start(NOW)).isEqualTo(minutesAgo(15));
    }

    @Test
    void a_window_allows_at_least_one_failure_and_lasts() {
        assertThatThrownBy(() -> new FailureWindow(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureWindow(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
