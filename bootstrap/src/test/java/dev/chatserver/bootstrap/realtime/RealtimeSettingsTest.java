package dev.chatserver.bootstrap.realtime;

import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-time settings that cannot work stop the start-up with one line naming the flag. */
class RealtimeSettingsTest {
    @Test
    void a_poll_timeout_of_zero_is_refused_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--poll-timeout", "0s")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--poll-timeout");
    }

    @Test
    void a_retention_count_of_zero_is_refused_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--bus-retention-count", "0")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--bus-retention-count");
    }

    @Test
    void a_presence_sweep_of_zero_is_refused_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--presence-sweep", "0s")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--presence-sweep");
    }
}
