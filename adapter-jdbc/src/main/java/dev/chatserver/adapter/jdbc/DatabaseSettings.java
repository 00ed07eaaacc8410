package dev.chatserver.adapter.jdbc;

import java.util.Objects;

/** Where the database is and how many connections to keep to it. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool has at least one connection");
        }
    }

    /**
     * An H2 file database under {@code directory}, in PostgreSQL mode so that one set of migrations serves both.
     * See docs/DURABILITY.md for why the write settings are what they are.
     */
    public static DatabaseSettings h2File(java.nio.file.Path directory, int poolSize) {
        String file = directory.toAbsolutePath().resolve("chat").toString().replace('\\', '/');
        return new DatabaseSettings("jdbc:h2:file:" + file + H2_OPTIONS + ";CACHE_SIZE=" + h2CacheKilobytes(Runtime.getRuntime().maxMemory()),
                "sa", "", poolSize);
    }

    /**
     * H2's page cache, on the heap: an eighth of it, between H2's own default of 16 MiB and 128 MiB. With the
     * default alone, history pages in a store of a million messages spent a fifth of their time decoding pages the
     * cache had dropped; a quarter of a large heap made garbage collection pauses longer and took most of the
     * heap that connections need (docs/PERFORMANCE.md). A URL given with --db-url sets its own CACHE_SIZE.
     */
    static long h2CacheKilobytes(long maxHeapBytes) {
        return Math.max(16 * 1024, Math.min(128 * 1024, maxHeapBytes / 8 / 1024));
    }

    /** A private in-memory H2 database that lives until the storage closes. */
    public static DatabaseSettings h2Memory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS, "sa", "", 4);
    }

    /**
     * PostgreSQL mode for the shared migrations. The write settings stay H2's own (WRITE_DELAY 500 ms,
     * RETENTION_TIME 45 s) on purpose: durability comes from {@link H2GroupFlush}, which forces every
     * acknowledged commit to disk; WRITE_DELAY=0 would be slower and grow the file by a chunk per commit.
     * docs/DURABILITY.md has the measurements. DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself
     * once requests in flight have finished; H2's own shutdown hook would close it under them at SIGTERM.
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";

    /** h2 or postgres, as the URL says. */
    public String kind() {
        return kindOf(url);
    }

    static String kindOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        throw new IllegalArgumentException("only H2 and PostgreSQL URLs are supported: " + url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}
