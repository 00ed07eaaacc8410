package dev.chatserver.adapter.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache an H2 file store opens with. */
class H2PageCacheTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void anEighthOfTheHeapBetweenH2sDefaultAnd128MiB() {
        assertThat(DatabaseSettings.h2CacheKilobytes(512 * MIB)).isEqualTo(64 * 1024);
        assertThat(DatabaseSettings.h2CacheKilobytes(32 * MIB)).isEqualTo(16 * 1024);
        assertThat(DatabaseSettings.h2CacheKilobytes(6 * 1024 * MIB)).isEqualTo(128 * 1024);
    }

    @Test
    void theFileStoreOpensWithThatCache(@TempDir Path directory) {
        try (JdbcStorage storage = JdbcStorage.open(DatabaseSettings.h2File(directory, 2))) {
            long cacheMebibytes = storage.jdbi().withHandle(h -> h.createQuery(
                            "select setting_value from information_schema.settings where setting_name = 'info.CACHE_MAX_SIZE'")
                    .mapTo(Long.class).one());

            assertThat(cacheMebibytes * 1024)
                    .isEqualTo(DatabaseSettings.h2CacheKilobytes(Runtime.getRuntime().maxMemory()) / 1024 * 1024);
        }
    }
}
