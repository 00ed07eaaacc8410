package dev.chatserver.bootstrap.account;

import dev.chatserver.application.account.HashingLimits;
import dev.chatserver.application.account.SignInThrottling;
import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.FailureWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sign-in throttling, hashing and origin flags: their defaults, and a clear refusal naming a bad one. */
class SignInHardeningSettingsTest {
    @Test
    void five_failures_per_login_and_address_twenty_per_address_and_a_hundred_per_login_in_fifteen_minutes_unless_told() {
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory"))) {
            assertThat(server.get(SignInThrottling.class)).isEqualTo(new SignInThrottling(
                    new FailureWindow(5, Duration.ofMinutes(15)), new FailureWindow(20, Duration.ofMinutes(15)),
                    new FailureWindow(100, Duration.ofMinutes(15))));
            assertThat(server.get(HashingLimits.class)).isEqualTo(HashingLimits.DEFAULT);
        }
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory", "--sign-in-login-failures", "3",
                "--sign-in-address-failures", "9", "--sign-in-login-total-failures", "40", "--sign-in-window", "1h",
                "--sign-in-hashes", "2", "--sign-in-hash-queue", "0"))) {
            assertThat(server.get(SignInThrottling.class)).isEqualTo(new SignInThrottling(
                    new FailureWindow(3, Duration.ofHours(1)), new FailureWindow(9, Duration.ofHours(1)),
                    new FailureWindow(40, Duration.ofHours(1))));
            assertThat(server.get(HashingLimits.class)).isEqualTo(new HashingLimits(2, 0));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "sign-in-login-failures, 0",
            "sign-in-address-failures, -1",
            "sign-in-login-total-failures, 0",
            "cookie-secure, sometimes",
            "sign-in-window, 0s",
            "sign-in-hashes, 0",
            "sign-in-hash-queue, -1",
            "trusted-proxies, 10.0.0.0/99",
            "allowed-origins, evil.example",
            "allowed-origins, https://app.example.com/path"})
    void a_bad_value_is_refused_naming_the_flag(String flag, String value) {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--" + flag, value)))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--" + flag);
    }
}
