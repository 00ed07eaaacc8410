package dev.chatserver.bootstrap.realtime.odoo;

import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnversionedWebSocketFlagTest {
    @Test
    void an_unknown_protocol_for_versionless_websockets_is_refused_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--ws-unversioned", "odoo15")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--ws-unversioned").hasMessageContaining("odoo15");
    }
}
