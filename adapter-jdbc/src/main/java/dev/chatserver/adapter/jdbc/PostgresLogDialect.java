package dev.chatserver.adapter.jdbc;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * The notification log on PostgreSQL, shared by every node on the database: appends are ordered by a
 * transaction-scoped advisory lock, and every node hears of them through LISTEN/NOTIFY ({@link PostgresWakeUps}),
 * sent in the appending transaction so that it is delivered when that commits. A commit is durable, so readers
 * see every committed row.
 */
final class PostgresLogDialect implements NotificationLogDialect {
    /** Any fixed number: the advisory lock that orders appends across nodes. */
    private static final long APPEND_LOCK = 0x63686174L;
    /** Another fixed number: the advisory lock that lets one node prune at a time. */
    private static final long PRUNE_LOCK = 0x70727565L;
    private static final int CATCH_UP_MILLIS = 1_000;

    private final PostgresWakeUps wakeUps;

    PostgresLogDialect(ListeningConnections listening, PostgresSignals signals) {
        this.wakeUps = new PostgresWakeUps(listening, signals, CATCH_UP_MILLIS);
    }

    @Override
    public void lockAppends(Handle h) {
        advisoryLock(h, APPEND_LOCK);
    }

    @Override
    public void lockPrune(Handle h) {
        advisoryLock(h, PRUNE_LOCK);
    }

    private static void advisoryLock(Handle h, long key) {
        h.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", key).mapTo(String.class).one();
    }

    /**
     * One statement that inserts the rows, notes the texts and wakes the nodes once. The rows travel as arrays:
     * pgjdbc sends a batch that returns keys as one execution per row, which cost the database more than the rest
     * of a post together.
     */
    @Override
    public List<Long> insert(Handle h, Instant at, List<String> channels, List<String> messages,
                             List<Long> textPositions, List<Long> textMessages) {
        return h.createQuery("""
                        with appended as (
                            insert into bus_notifications (channel, message, appended_at)
                            select channel, message, :at
                            from unnest(:channels, :messages) with ordinality as given(channel, message, position)
                            order by position
                            returning id),
                        numbered as (select id, row_number() over (order by id) as position from appended),
                        texts as (
                            insert into bus_notification_texts (notification_id, message_id)
                            select numbered.id, carried.message_id
                            from unnest(:textPositions, :textMessages) as carried(position, message_id)
                            join numbered on numbered.position = carried.position)
                        select numbered.id
                        from numbered cross join (select pg_notify(:wake, (select max(id) from appended)::text)) as woken
                        order by numbered.id""")
                .bind("at", at)
                .bindArray("channels", String.class, channels)
                .bindArray("messages", String.class, messages)
                .bindArray("textPositions", Long.class, textPositions)
                .bindArray("textMessages", Long.class, textMessages)
                .bind("wake", PostgresWakeUps.CHANNEL)
                .mapTo(Long.class).list();
    }

    @Override
    public long visibleUpTo() {
        return Long.MAX_VALUE;
    }

    @Override
    public String selectDeleted(String select, String delete) {
        return "with deleted as (" + delete + " returning *) select " + select + " from deleted";
    }

    @Override
    public String noteChannelLoss() {
        return """
                insert into bus_channel_pruned (channel, pruned_up_to, appended_at) values (:channel, :upTo, :at)
                on conflict (channel) do update
                set pruned_up_to = greatest(bus_channel_pruned.pruned_up_to, excluded.pruned_up_to),
                    appended_at = greatest(bus_channel_pruned.appended_at, excluded.appended_at)""";
    }

    @Override
    public void onWake(Runnable listener) {
        wakeUps.onWake(listener);
    }

    @Override
    public void close() {
        wakeUps.close();
    }
}
