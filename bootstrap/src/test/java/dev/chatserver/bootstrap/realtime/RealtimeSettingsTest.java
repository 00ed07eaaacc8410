package dev.chatserver.bootstrap.realtime;

import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void a_byte_bound_of_zero_is_refused_naming_the_flags() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--ws-queue-bytes", "0")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--ws-queue-bytes");
    }

    @Test
    void the_nodes_outbound_bytes_are_an_eighth_of_the_heap_at_most_256_mib_unless_given() {
        try (RunningServer server = RunningServer.start(List.of("--storage", "memory"));
             RunningServer given = RunningServer.start(List.of("--storage", "memory", "--ws-node-bytes", "1048576",
                     "--ws-user-bytes", "65536", "--ws-queue-bytes", "32768", "--poll-answer-bytes", "4096"))) {
            assertThat(server.get(RealtimeSettings.class).bytes().perNode())
                    .isEqualTo(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
            assertThat(given.get(RealtimeSettings.class).bytes())
                    .isEqualTo(new ByteBounds(32768, 65536, 1048576, ByteBounds.FRAME, 4096));
        }
        assertThat(ByteBounds.nodeDefault(512L << 20)).isEqualTo(64L << 20);
        assertThat(ByteBounds.nodeDefault(8L << 30)).isEqualTo(256L << 20);
    }
}
