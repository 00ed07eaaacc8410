package dev.chatserver.adapter.jdbc;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * What {@link JdbcNotificationLog} does differently on each database: the few statements that cannot be written
 * alike, how appends are ordered, how this node hears of them and which of them readers may see.
 */
interface NotificationLogDialect extends AutoCloseable {
    /**
     * Held by the caller's transaction until it commits: appends take it, so ids are handed out in commit order
     * and a reader that has seen id N never later finds a smaller id appear.
     */
    void lockAppends(Handle h);

    /** Held by the caller's transaction until it commits: one prune at a time. */
    void lockPrune(Handle h);

    /**
     * Inserts the rows (channel and text, position by position), notes the messages whose text each carries
     * ({@code textPositions} are 1-based positions into the rows) and makes sure the listeners of every node are
     * woken once the caller's transaction commits; answers the new ids in the order given.
     */
    List<Long> insert(Handle h, Instant at, List<String> channels, List<String> messages,
                      List<Long> textPositions, List<Long> textMessages);

    /**
     * The largest id readers may see: everything committed on PostgreSQL, where a commit is durable; on H2 only
     * what is on disk, so that a client never holds an id that a crash could hand out again.
     */
    long visibleUpTo();

    /** A query answering {@code select} over the rows {@code delete} removed ({@code select} names their columns). */
    String selectDeleted(String select, String delete);

    /**
     * A statement noting that channel {@code :channel} lost notifications up to id {@code :upTo}, the newest of
     * them appended at {@code :at}, keeping the highest loss already noted.
     */
    String noteChannelLoss();

    /** Calls {@code listener} each time notifications may have been appended, on this node or another. */
    void onWake(Runnable listener);

    @Override
    void close();
}
