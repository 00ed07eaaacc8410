package dev.chatserver.bootstrap.odoo8;

import dev.chatserver.bootstrap.StartupFailure;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database name 8.0's channels could not carry stops the start-up with one line naming the flag. */
class Odoo8SettingsTest {
    @Test
    void a_blank_odoo_db_is_refused_naming_the_flag() {
        assertThatThrownBy(() -> RunningServer.start(List.of("--storage", "memory", "--odoo-db", "  ")))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("--odoo-db");
    }
}
