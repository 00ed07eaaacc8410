package dev.chatserver.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.StorageProbe;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import dev.chatserver.application.port.out.notification.NotificationRetention;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every storage port on one SQL database (H2 or PostgreSQL), migrated by Flyway when opened. */
public final class JdbcStorage implements Storage, StorageProbe {
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    /** A primary-key lookup that finds nothing: it reads the schema's own table, however few rows it costs. */
    private static final String PROBE = "select id from users where id = -1";

    private final String url;
    private final DataSource dataSource;
    private final ListeningConnections listening;
    private final boolean ownsPool;
    private final Jdbi jdbi;
    private final DurabilityBarrier durability;
    private final StoragePorts ports;
    private final List<JdbcNotificationLog> openedLogs = new ArrayList<>();
    private final JdbcTransactions transactions;
    private Runnable afterClose = () -> { };
    /** The file contents of an H2 database in memory, in a directory of their own removed once it closes. */
    private DirectoryFileContents temporaryContents;

    private JdbcStorage(String url, DataSource dataSource, ListeningConnections listening, boolean ownsPool) {
        this.url = url;
        this.dataSource = dataSource;
        this.listening = listening;
        this.ownsPool = ownsPool;
        this.jdbi = Jdbi.create(dataSource);
        this.durability = url.startsWith("jdbc:h2:file:")
                ? new H2GroupFlush(dataSource) : DurabilityBarrier.COMMIT_IS_DURABLE;
        JdbcAccounts accounts = new JdbcAccounts(jdbi);
        JdbcImStore im = new JdbcImStore(jdbi, DatabaseSettings.kindOf(url).equals("h2"));
        this.transactions = new JdbcTransactions(jdbi, durability);
        Optional<StoragePorts.Realtime> realtime = Optional.of(new StoragePorts.Realtime(this::openBus, new JdbcPresenceBoard(jdbi)));
        this.ports = new StoragePorts(
                this,
                transactions,
                accounts,
                accounts,
                accounts,
                new JdbcAuditLog(jdbi),
                new JdbcSignInTokens(jdbi),
                new JdbcSignInFailures(jdbi),
                im,
                im,
                new JdbcMessageReactions(jdbi),
                new JdbcMessageSearch(jdbi, DatabaseSettings.kindOf(url)),
                new JdbcAddressBooks(jdbi),
                new JdbcChats(jdbi),
                new JdbcEventRooms(jdbi),
                new JdbcEvents(jdbi),
                new JdbcIdempotencyKeys(jdbi),
                new JdbcAttachments(jdbi),
                fileContents(url),
                new JdbcGroupConversations(jdbi),
                new JdbcUserBlocks(jdbi),
                new JdbcRoomBans(jdbi),
                new JdbcMailPreferences(jdbi),
                new JdbcConnectionSightings(jdbi),
                new JdbcMailQueue(jdbi),
                realtime);
    }

    /**
     * Where file contents are kept: in the database itself on PostgreSQL (every node serves every file); on H2,
     * which serves one node, in {@code attachments/} beside its database file, or for a database in memory in a
     * directory of its own that goes with it.
     */
    private FileContents fileContents(String url) {
        if (DatabaseSettings.kindOf(url).equals("postgres")) {
            return new PostgresFileContents(jdbi);
        }
        String prefix = "jdbc:h2:file:";
        if (url.startsWith(prefix)) {
            String file = url.substring(prefix.length()).split(";", 2)[0];
            java.nio.file.Path database = java.nio.file.Path.of(file).toAbsolutePath();
            return new DirectoryFileContents(database.resolveSibling("attachments"));
        }
        try {
            temporaryContents = new DirectoryFileContents(java.nio.file.Files.createTempDirectory("chat-attachments-"));
        } catch (java.io.IOException e) {
            throw new StorageUnavailable("cannot create a directory for attachments: " + e.getMessage(), e);
        }
        return temporaryContents;
    }

    /**
     * Connects, brings the schema up to date and answers the storage; {@link StorageUnavailable} when the
     * database cannot be reached or migrated.
     */
    public static JdbcStorage open(DatabaseSettings settings) {
        HikariDataSource dataSource = pool(settings);
        try {
            checkConnection(dataSource, settings.url());
            migrate(Flyway.configure().dataSource(settings.url(), settings.user(), settings.password()), settings.url());
            return new JdbcStorage(settings.url(), dataSource,
                    () -> DriverManager.getConnection(settings.url(), settings.user(), settings.password()), true);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The storage on a pool the host application already has (H2 or PostgreSQL): the schema is brought up to
     * date in it, and the pool stays the host's, so closing this storage leaves it open. On PostgreSQL the bus
     * listener holds one of its connections for as long as the storage is open.
     */
    public static JdbcStorage onDataSource(DataSource hostPool) {
        String url;
        try (Connection connection = hostPool.getConnection()) {
            connection.isValid(PROBE_TIMEOUT_SECONDS);
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new StorageUnavailable("cannot connect to the given data source: " + rootMessage(e), e);
        }
        DatabaseSettings.kindOf(url);
        migrate(Flyway.configure().dataSource(hostPool), url);
        return new JdbcStorage(url, hostPool, hostPool::getConnection, false);
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("chat-" + settings.kind());
        config.setConnectionTimeout(5_000);
        // Connect in checkConnection instead, which reports an unreachable database in one line.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static void checkConnection(DataSource dataSource, String url) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new StorageUnavailable("cannot connect to " + url + ": " + rootMessage(e), e);
        }
    }

    /**
     * Brings the schema up to date with the whole sequence of {@link Migrations}. Flyway opens connections of its
     * own: it holds one for its lock while migrating on another.
     */
    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, String url) {
        try {
            Migrations.of(flyway, DatabaseSettings.kindOf(url)).load().migrate();
        } catch (RuntimeException e) {
            throw new StorageUnavailable("cannot migrate " + url + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public StoragePorts ports() {
        return ports;
    }

    @Override
    public String kind() {
        return DatabaseSettings.kindOf(url);
    }

    /**
     * Whether a statement on the schema runs, on a connection of the pool as any request gets one. Not
     * {@code isValid}: once H2 closed the database under its connections (after an OutOfMemoryError) they still
     * say they are valid while every statement fails, and a connection opened anew may find an empty database.
     */
    @Override
    public boolean answers() {
        try (Connection connection = dataSource.getConnection();
             Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            probe.executeQuery(PROBE).close();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes an online backup of an H2 file database to {@code zip} with H2's {@code BACKUP TO}: the database
     * stays open and writes go on; the copy is transactionally consistent (H2 copies its log with it), so it
     * holds every transaction committed before it began. Unzipped into a data directory, it opens as that
     * database. PostgreSQL is backed up with its own tools ({@code pg_dump}); an in-memory H2 has nothing to copy.
     */
    public void backUpTo(java.nio.file.Path zip) {
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new IllegalStateException("only an H2 file database is backed up by the server; " + kind()
                    + " is not one (PostgreSQL: pg_dump)");
        }
        try (Connection connection = dataSource.getConnection();
             Statement backup = connection.createStatement()) {
            backup.execute("backup to '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StorageUnavailable("cannot back up to " + zip + ": " + rootMessage(e), e);
        }
    }

    /**
     * The log is a table either way, a notification written in the transaction of its change. On PostgreSQL every
     * node on the database shares it and LISTEN/NOTIFY wakes every node; on H2 (one node) the node wakes its own
     * readers once the change is on disk.
     */
    private synchronized NotificationStorage.Opened openBus(Clock clock, NotificationRetention retention) {
        JdbcNotificationLog log = DatabaseSettings.kindOf(url).equals("postgres")
                ? JdbcNotificationLog.onPostgres(jdbi, transactions, listening, clock, retention)
                : JdbcNotificationLog.onH2(jdbi, transactions, clock, retention);
        openedLogs.add(log);
        return new NotificationStorage.Opened(log, log.bus(), log.signals());
    }

    /**
     * Publishes the connection pool's metrics (connections active, idle, pending, acquire and usage times) in
     * {@code meterRegistry}, a Micrometer {@code MeterRegistry}; HikariCP takes it untyped, so this adapter needs
     * no Micrometer of its own. Once per storage. A pool the host lent ({@link #onDataSource}) is the host's to
     * meter: it is left alone.
     */
    public void meterPoolIn(Object meterRegistry) {
        if (ownsPool && dataSource instanceof HikariDataSource pool) {
            pool.setMetricRegistry(meterRegistry);
        }
    }

    /** The Jdbi of this storage, for adapters in this module that share its connections. */
    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public synchronized void close() {
        openedLogs.forEach(JdbcNotificationLog::close);
        durability.close();
        if (temporaryContents != null) {
            temporaryContents.deleteAll();
        }
        if (!ownsPool) {
            afterClose.run();
            return;
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("shutdown");
            } catch (SQLException e) {
                // already gone: nothing to release
            }
        }
        ((HikariDataSource) dataSource).close();
        afterClose.run();
    }

    /** Runs {@code action} once this storage has closed (tests drop their database then). */
    void afterClose(Runnable action) {
        afterClose = action;
    }
}
