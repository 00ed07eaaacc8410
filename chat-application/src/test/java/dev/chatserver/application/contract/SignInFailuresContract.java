package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.SignInFailures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

public abstract class SignInFailuresContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static Instant secondsAgo(int seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    void recent_failures_come_newest_first_after_the_given_instant_and_per_subject() {
        SignInFailures failures = ports().signInFailures();
        failures.record("login:lynx", secondsAgo(30));
        failures.record("login:lynx", secondsAgo(10));
        failures.record("login:lynx", secondsAgo(20));
        failures.record("login:lynx", secondsAgo(90));
        failures.record("login:ocelot", secondsAgo(5));

        assertThat(failures.recent("login:lynx", secondsAgo(60), 10))
                .containsExactly(secondsAgo(10), secondsAgo(20), secondsAgo(30));
        assertThat(failures.recent("login:lynx", secondsAgo(60), 2)).containsExactly(secondsAgo(10), secondsAgo(20));
        assertThat(failures.recent("login:nobody", secondsAgo(60), 10)).isEmpty();
    }

    @Test
    void the_same_instant_twice_counts_twice() {
        SignInFailures failures = ports().signInFailures();
        failures.record("address:10.0.0.1", NOW);
        failures.record("address:10.0.0.1", NOW);

        assertThat(failures.recent("address:10.0.0.1", secondsAgo(1), 10)).containsExactly(NOW, NOW);
    }

    @Test
    void forgetting_a_subject_leaves_the_others() {
        SignInFailures failures = ports().signInFailures();
        failures.record("login:lynx", NOW);
        failures.record("address:10.0.0.1", NOW);

        failures.forget("login:lynx");

        assertThat(failures.recent("login:lynx", secondsAgo(1), 10)).isEmpty();
        assertThat(failures.recent("address:10.0.0.1", secondsAgo(1), 10)).containsExactly(NOW);
    }

    @Test
    void a_login_from_one_address_is_a_subject_of_its_own_up_to_the_longest_subject() {
        SignInFailures failures = ports().signInFailures();
        String login = "l".repeat(100);
        String address = "a".repeat(100);
        String loginFromAddress = "login-address:" + login + " " + address;
        String longest = "x".repeat(SignInFailures.MAX_SUBJECT_LENGTH);
        failures.record(loginFromAddress, secondsAgo(2));
        failures.record(loginFromAddress, secondsAgo(1));
        failures.record("login:" + login, secondsAgo(1));
        failures.record("address:" + address, secondsAgo(1));
        failures.record(longest, NOW);

        assertThat(failures.recent(loginFromAddress, secondsAgo(60), 10)).containsExactly(secondsAgo(1), secondsAgo(2));
        assertThat(failures.recent(longest, secondsAgo(60), 10)).containsExactly(NOW);

        failures.forget(loginFromAddress);

        assertThat(failures.recent(loginFromAddress, secondsAgo(60), 10)).isEmpty();
        assertThat(failures.recent("login:" + login, secondsAgo(60), 10)).containsExactly(secondsAgo(1));
        assertThat(failures.recent("address:" + address, secondsAgo(60), 10)).containsExactly(secondsAgo(1));
    }

    @Test
    void failures_up_to_the_cutoff_are_removed() {
        SignInFailures failures = ports().signInFailures();
        failures.record("login:lynx", secondsAgo(60));
        failures.record("login:ocelot", secondsAgo(60));
        failures.record("login:lynx", secondsAgo(59));

        assertThat(failures.removeUpTo(secondsAgo(60))).isEqualTo(2);
        assertThat(failures.recent("login:lynx", secondsAgo(3600), 10)).containsExactly(secondsAgo(59));
    }

    @Test
    void failures_recorded_at_once_all_count() throws Exception {
        SignInFailures failures = ports().signInFailures();
        int racers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = IntStream.range(0, racers).<Future<?>>mapToObj(i -> pool.submit(() -> {
                start.await();
                failures.record("login:lynx", NOW.minus(Duration.ofMillis(i)));
                return null;
            })).toList();
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures.recent("login:lynx", secondsAgo(60), 1000)).hasSize(racers);
    }
}
