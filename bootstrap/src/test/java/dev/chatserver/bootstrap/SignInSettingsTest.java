package dev.chatserver.bootstrap;

import dev.chatserver.application.account.SignInPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInSettingsTest {

    private static SignInPolicy from(Map<String, String> environment, String... args) {
        return Settings.from(Options.parse(args, environment)).signIn();
    }

    @Test
    void tokens_live_a_week_and_are_trusted_for_five_seconds_unless_told() {
        assertThat(from(Map.of())).isEqualTo(new SignInPolicy(Duration.ofDays(7), Duration.ofSeconds(5)));
    }

    @Test
    void the_trust_comes_from_a_flag_or_the_environment_and_zero_turns_it_off() {
        assertThat(from(Map.of(), "--token-trust", "0s").verifiedTokenTrust()).isZero();
        assertThat(from(Map.of("CHAT_TOKEN_TRUST", "30s")).verifiedTokenTrust()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_negative_trust_is_refused_by_name() {
        assertThatThrownBy(() -> from(Map.of(), "--token-trust", "-1s"))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--token-trust");
    }
}
