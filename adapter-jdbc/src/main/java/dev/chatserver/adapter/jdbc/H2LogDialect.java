package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notification log on H2, which serves one node: appends are ordered by a row lock ({@code bus_append_order}),
 * and this node's listeners are woken in this process once the appending unit of work is durable. H2 makes a
 * commit visible before it is on disk ({@link H2GroupFlush}), and a crash in between would hand out the lost
 * ids again: readers see only the ids known to be on disk, so a client never holds an id that may change meaning.
 */
final class H2LogDialect implements NotificationLogDialect {
    private static final Logger LOG = LoggerFactory.getLogger(H2LogDialect.class);

    private final Transactions transactions;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Every id up to this one is on disk; whatever the database holds when it opens already is. */
    private final AtomicLong durableUpTo;

    H2LogDialect(Jdbi jdbi, Transactions transactions) {
        this.transactions = transactions;
        this.durableUpTo = new AtomicLong(jdbi.withHandle(h -> h.createQuery(
                "select coalesce(max(id), 0) from bus_notifications").mapTo(Long.class).one()));
    }

    @Override
    public void lockAppends(Handle h) {
        h.createQuery("select singleton from bus_append_order where singleton = 1 for update").mapTo(Integer.class).one();
    }

    @Override
    public void lockPrune(Handle h) {
        h.createQuery("select singleton from bus_pruned where singleton = 1 for update").mapTo(Integer.class).one();
    }

    /** Two statements: the rows, returning their ids, then the texts they carry; the wake-up follows durability. */
    @Override
    public List<Long> insert(Handle h, Instant at, List<String> channels, List<String> messages,
                             List<Long> textPositions, List<Long> textMessages) {
        // an insert, not a select of its delta table: the unit of work then knows it wrote and waits for the flush
        List<Long> ids = h.createUpdate("""
                        insert into bus_notifications (channel, message, appended_at)
                        select channel, message, :at
                        from unnest(:channels, :messages) with ordinality as given(channel, message, position)
                        order by position""")
                .bind("at", at)
                .bindArray("channels", String.class, channels)
                .bindArray("messages", String.class, messages)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).list();
        if (!textPositions.isEmpty()) {
            h.createUpdate("""
                            insert into bus_notification_texts (notification_id, message_id)
                            select ids.id, carried.message_id
                            from unnest(:textPositions, :textMessages) as carried(position, message_id)
                            join unnest(:ids) with ordinality as ids(id, position) on ids.position = carried.position""")
                    .bindArray("textPositions", Long.class, textPositions)
                    .bindArray("textMessages", Long.class, textMessages)
                    .bindArray("ids", Long.class, ids)
                    .execute();
        }
        long last = ids.get(ids.size() - 1);
        transactions.afterCommit(() -> {
            durableUpTo.accumulateAndGet(last, Math::max);
            wake();
        });
        return ids;
    }

    private void wake() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("a bus listener failed", e);
            }
        }
    }

    @Override
    public long visibleUpTo() {
        return durableUpTo.get();
    }

    @Override
    public String selectDeleted(String select, String delete) {
        return "select " + select + " from old table (" + delete + ")";
    }

    @Override
    public String noteChannelLoss() {
        return """
                merge into bus_channel_pruned p
                using (values (cast(:channel as varchar(300)), cast(:upTo as bigint), cast(:at as timestamp with time zone)))
                    as c(channel, pruned_up_to, appended_at)
                on p.channel = c.channel
                when matched then update set pruned_up_to = greatest(p.pruned_up_to, c.pruned_up_to),
                                             appended_at = greatest(p.appended_at, c.appended_at)
                when not matched then insert (channel, pruned_up_to, appended_at)
                                      values (c.channel, c.pruned_up_to, c.appended_at)""";
    }

    @Override
    public void onWake(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        // nothing runs on its own
    }
}
