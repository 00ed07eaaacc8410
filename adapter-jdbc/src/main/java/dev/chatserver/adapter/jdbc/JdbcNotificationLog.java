package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.LiveSignals;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notification log in the database: the one every node on a PostgreSQL database shares, or the one node's
 * on H2 ({@link NotificationLogDialect} holds what differs). An append joins the caller's transaction, so a
 * notification is durable exactly when the change it announces is, and its id survives a restart. Appends hold
 * a lock until commit ({@link NotificationLogDialect#lockAppends}), so ids are handed out in commit order: a
 * reader that has seen id N never later finds a smaller id appear.
 */
public final class JdbcNotificationLog implements NotificationLog, AutoCloseable {
    private final Jdbi jdbi;
    private final JdbcTransactions transactions;
    private final Clock clock;
    private final NotificationRetention retention;
    private final NotificationCodec codec = new NotificationCodec();
    private final NotificationLogDialect dialect;
    private final SentSignals signals;
    private final RowMapper<Stored> row;
    private final NotificationBus bus;

    /** The log every node on this PostgreSQL database shares, woken through LISTEN/NOTIFY. */
    static JdbcNotificationLog onPostgres(Jdbi jdbi, JdbcTransactions transactions, ListeningConnections listening,
                                          Clock clock, NotificationRetention retention) {
        PostgresSignals signals = new PostgresSignals(jdbi, clock);
        return new JdbcNotificationLog(jdbi, transactions, new PostgresLogDialect(listening, signals), signals,
                clock, retention);
    }

    /** The log of the one node this H2 database serves, woken in this process. */
    static JdbcNotificationLog onH2(Jdbi jdbi, JdbcTransactions transactions, Clock clock,
                                    NotificationRetention retention) {
        return new JdbcNotificationLog(jdbi, transactions, new H2LogDialect(jdbi, transactions),
                new H2Signals(transactions, clock), clock, retention);
    }

    private JdbcNotificationLog(Jdbi jdbi, JdbcTransactions transactions, NotificationLogDialect dialect,
                                SentSignals signals, Clock clock, NotificationRetention retention) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.dialect = dialect;
        this.signals = signals;
        this.bus = new TransactionalNotificationBus(this, signals, transactions);
        this.clock = clock;
        this.retention = retention;
        this.row = (rs, ctx) -> {
            Channel channel = new Channel(rs.getString("channel"));
            long id = rs.getLong("id");
            Instant appendedAt = rs.getTimestamp("appended_at").toInstant();
            return new Stored(id, codec.read(rs.getString("message"), channel)
                    .map(event -> new Notification(id, channel, event, appendedAt)));
        };
    }

    /** In a unit of work of its own, or joining the caller's. */
    @Override
    public Notification append(Channel channel, DomainEvent event) {
        return transactions.inTransaction(() -> appendAll(List.of(new Pending(channel, event)))).get(0);
    }

    /** A notification waiting to be appended with the others of its unit of work. */
    record Pending(Channel channel, DomainEvent event) {
    }

    /**
     * Appends these in the order given, in the caller's transaction: one lock, then the rows, the messages whose
     * text each carries and one wake-up for all of them ({@link NotificationLogDialect#insert}).
     */
    List<Notification> appendAll(List<Pending> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> channels = notifications.stream().map(n -> n.channel().name()).toList();
        List<String> messages = notifications.stream().map(n -> codec.write(n.event())).toList();
        List<Long> textPositions = new ArrayList<>();
        List<Long> textMessages = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            for (long message : notifications.get(i).event().messageTextsCarried()) {
                textPositions.add(i + 1L);
                textMessages.add(message);
            }
        }
        List<Long> ids = jdbi.inTransaction(h -> {
            dialect.lockAppends(h);
            return dialect.insert(h, now, channels, messages, textPositions, textMessages);
        });
        List<Notification> appended = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Pending pending = notifications.get(i);
            appended.add(new Notification(ids.get(i), pending.channel(), pending.event(), now));
        }
        return appended;
    }

    /**
     * In the caller's transaction, rewrites every kept notification that carries the deleted message's text as
     * the deletion tells, found through {@code bus_notification_texts}; a row this node cannot read (stored by
     * a newer one) is removed rather than left with the text.
     */
    void forgetText(MessageDeleted deletion) {
        jdbi.useTransaction(h -> {
            List<Carrying> carrying = h.createQuery("""
                            select id, channel, message from bus_notifications
                            where id in (select notification_id from bus_notification_texts where message_id = :message)
                            order by id for update""")
                    .bind("message", deletion.messageId())
                    .map((rs, ctx) -> new Carrying(rs.getLong("id"),
                            codec.read(rs.getString("message"), new Channel(rs.getString("channel")))))
                    .list();
            if (carrying.isEmpty()) {
                return;
            }
            PreparedBatch rewrite = h.prepareBatch("update bus_notifications set message = :message where id = :id");
            List<Long> unreadable = new ArrayList<>();
            for (Carrying row : carrying) {
                row.event().ifPresentOrElse(event -> rewrite.bind("id", row.id())
                                .bind("message", codec.write(event.afterDeletion(deletion))).add(),
                        () -> unreadable.add(row.id()));
            }
            if (rewrite.size() > 0) {
                rewrite.execute();
            }
            if (!unreadable.isEmpty()) {
                h.createUpdate("delete from bus_notifications where id in (<ids>)").bindList("ids", unreadable).execute();
            }
            h.createUpdate("delete from bus_notification_texts where message_id = :message")
                    .bind("message", deletion.messageId()).execute();
        });
    }

    private record Carrying(long id, Optional<DomainEvent> event) {
    }

    /**
     * Reads the rows first and the bounds after: a prune committing in between then makes the read look expired
     * (the reader reloads) rather than silently missing what it dropped.
     */
    @Override
    public LogRead readNotingLosses(long after, Set<Channel> channels, int limit) {
        return jdbi.withHandle(h -> {
            List<Stored> rows = channels.isEmpty() ? List.of() : h.createQuery("""
                            select id, channel, message, appended_at from bus_notifications
                            where id > :after and id <= :visible and channel in (<channels>) order by id limit :limit""")
                    .bind("after", after).bind("visible", dialect.visibleUpTo())
                    .bindList("channels", names(channels)).bind("limit", limit)
                    .map(row).list();
            Bounds bounds = bounds(h);
            if (after < bounds.prunedUpTo() || after > bounds.lastId()) {
                return LogRead.expiredRead();
            }
            if (channels.isEmpty()) {
                return LogRead.of(List.of());
            }
            Map<Channel, Long> lost = new HashMap<>();
            h.createQuery("""
                            select channel, pruned_up_to from bus_channel_pruned
                            where pruned_up_to > :after and channel in (<channels>)""")
                    .bind("after", after).bindList("channels", names(channels))
                    .map((rs, ctx) -> Map.entry(new Channel(rs.getString("channel")), rs.getLong("pruned_up_to")))
                    .forEach(entry -> lost.put(entry.getKey(), entry.getValue()));
            return readable(rows).losing(lost);
        });
    }

    /**
     * The rows of every channel; the losses of every channel after {@code after} (few: a loss row exists only
     * where a flood took a channel's oldest, and those older than the read's position are left out by the index on
     * {@code pruned_up_to}), kept for the watched ones here.
     */
    @Override
    public LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit) {
        return jdbi.withHandle(h -> {
            List<Stored> rows = h.createQuery("""
                            select id, channel, message, appended_at from bus_notifications
                            where id > :after and id <= :visible order by id limit :limit""")
                    .bind("after", after).bind("visible", dialect.visibleUpTo()).bind("limit", limit)
                    .map(row).list();
            Bounds bounds = bounds(h);
            if (after < bounds.prunedUpTo() || after > bounds.lastId()) {
                return LogRead.expiredRead();
            }
            Map<Channel, Long> lost = new HashMap<>();
            h.createQuery("select channel, pruned_up_to from bus_channel_pruned where pruned_up_to > :after")
                    .bind("after", after)
                    .map((rs, ctx) -> Map.entry(new Channel(rs.getString("channel")), rs.getLong("pruned_up_to")))
                    .forEach(entry -> {
                        if (watched.contains(entry.getKey())) {
                            lost.put(entry.getKey(), entry.getValue());
                        }
                    });
            return readable(rows).losing(lost);
        });
    }

    @Override
    public LogRead readSince(Instant since, Set<Channel> channels, int limit) {
        if (channels.isEmpty()) {
            return LogRead.of(List.of());
        }
        return jdbi.withHandle(h -> readable(h.createQuery("""
                        select id, channel, message, appended_at from bus_notifications
                        where appended_at >= :since and id <= :visible and channel in (<channels>) order by id limit :limit""")
                .bind("since", since).bind("visible", dialect.visibleUpTo())
                .bindList("channels", names(channels)).bind("limit", limit)
                .map(row).list()));
    }

    /** A row as this node reads it: empty when it was stored in a form this node does not know. */
    private record Stored(long id, Optional<Notification> notification) {
    }

    private static LogRead readable(List<Stored> rows) {
        List<Notification> notifications = rows.stream().flatMap(r -> r.notification().stream()).toList();
        long passed = rows.stream().filter(r -> r.notification().isEmpty()).mapToLong(Stored::id).max().orElse(0);
        return LogRead.of(notifications, passed);
    }

    @Override
    public long lastId() {
        return jdbi.withHandle(this::bounds).lastId();
    }

    /** The bus that writes into this log inside the caller's transaction. */
    public NotificationBus bus() {
        return bus;
    }

    /** Where the signals sent by any node on this database arrive on this one. */
    public LiveSignals signals() {
        return signals;
    }

    @Override
    public void onAppend(Runnable listener) {
        dialect.onWake(listener);
    }

    /**
     * Drops what is older than the retention, then, while the log holds more than the retention's count or
     * bytes ({@code octet_length} of the stored text), the oldest rows of the channels holding the most: each
     * channel keeps at most its fair share ({@link NotificationRetention#fairCap}) of each, so a channel within
     * it loses nothing. What each channel lost is noted in {@code bus_channel_pruned}. One prune at a time.
     */
    @Override
    public int prune() {
        Instant oldestKept = clock.instant().minus(retention.maxAge());
        return jdbi.inTransaction(h -> {
            dialect.lockPrune(h);
            List<Long> aged = h.createQuery(dialect.selectDeleted("id", "delete from bus_notifications where appended_at < :oldest"))
                    .bind("oldest", oldestKept).mapTo(Long.class).list();
            raisePrunedUpTo(h, aged.stream().mapToLong(Long::longValue).max().orElse(0));
            meltChannelLosses(h, oldestKept);
            int cut = cutToFairShares(h);
            return aged.size() + cut;
        });
    }

    /** Deletes, channel by channel, the oldest rows beyond its fair share of the count and the bytes. */
    private int cutToFairShares(Handle h) {
        List<Long> counts = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        h.createQuery("select count(*) as n, coalesce(sum(octet_length(message)), 0) as size from bus_notifications group by channel")
                .map((rs, ctx) -> {
                    counts.add(rs.getLong("n"));
                    sizes.add(rs.getLong("size"));
                    return 0;
                }).list();
        long countCap = NotificationRetention.fairCap(counts, retention.maxCount());
        long bytesCap = NotificationRetention.fairCap(sizes, retention.maxBytes());
        if (countCap == Long.MAX_VALUE && bytesCap == Long.MAX_VALUE) {
            return 0;
        }
        countCap = Math.min(countCap, retention.maxCount());
        // the cap is whole: what it leaves of the bound lets that many channels above it keep one more, the newest
        long keptAtCap = 0;
        for (long n : counts) {
            keptAtCap += Math.min(n, countCap);
        }
        long oneMore = Math.max(0, retention.maxCount() - keptAtCap);
        List<Cut> cut = h.createQuery("""
                        with ranked as (
                            select id, channel, appended_at, row_number() over newest_first as nth,
                                   sum(octet_length(message)) over newest_first as size_from_newest
                            from bus_notifications
                            window newest_first as (partition by channel order by id desc)),
                        ranked_at_cap as (
                            select id, channel, appended_at, nth, size_from_newest,
                                   row_number() over (partition by nth order by id desc) as among_them
                            from ranked)
                        select id, channel, appended_at from ranked_at_cap
                        where nth > :countCap + 1 or (nth = :countCap + 1 and among_them > :oneMore)
                              or size_from_newest > :bytesCap""")
                .bind("countCap", countCap).bind("oneMore", oneMore).bind("bytesCap", bytesCap)
                .map((rs, ctx) -> new Cut(rs.getLong("id"), rs.getString("channel"), rs.getTimestamp("appended_at").toInstant()))
                .list();
        if (cut.isEmpty()) {
            return 0;
        }
        h.createUpdate("delete from bus_notifications where id = any(:ids)")
                .bindArray("ids", Long.class, cut.stream().map(Cut::id).toList()).execute();
        noteChannelLosses(h, cut);
        boundChannelLosses(h);
        return cut.size();
    }

    private record Cut(long id, String channel, Instant appendedAt) {
    }

    /** Notes, for each channel, the newest id it lost and when that was appended. */
    private void noteChannelLosses(Handle h, List<Cut> cut) {
        Map<String, Cut> newestPerChannel = new HashMap<>();
        cut.forEach(row -> newestPerChannel.merge(row.channel(), row, (a, b) -> a.id() > b.id() ? a : b));
        PreparedBatch note = h.prepareBatch(dialect.noteChannelLoss());
        newestPerChannel.values().forEach(row -> note.bind("channel", row.channel()).bind("upTo", row.id())
                .bind("at", row.appendedAt()).add());
        note.execute();
    }

    /** What a channel lost before {@code oldestKept} is older than the retention on every channel: the floor says it. */
    private void meltChannelLosses(Handle h, Instant oldestKept) {
        Long melted = h.createQuery(dialect.selectDeleted("max(pruned_up_to)",
                        "delete from bus_channel_pruned where appended_at < :oldest"))
                .bind("oldest", oldestKept).mapTo(Long.class).one();
        raisePrunedUpTo(h, melted == null ? 0 : melted);
    }

    /** Keeps at most the retention's count of channel losses: the oldest beyond it melt into the floor. */
    private void boundChannelLosses(Handle h) {
        Long melted = h.createQuery(dialect.selectDeleted("max(pruned_up_to)", """
                        delete from bus_channel_pruned where channel in (
                            select channel from bus_channel_pruned order by pruned_up_to desc offset :kept)"""))
                .bind("kept", retention.maxCount()).mapTo(Long.class).one();
        raisePrunedUpTo(h, melted == null ? 0 : melted);
    }

    private static void raisePrunedUpTo(Handle h, long upTo) {
        if (upTo <= 0) {
            return;
        }
        h.createUpdate("update bus_pruned set pruned_up_to = greatest(pruned_up_to, :upTo) where singleton = 1")
                .bind("upTo", upTo).execute();
        h.createUpdate("delete from bus_channel_pruned where pruned_up_to <= :upTo").bind("upTo", upTo).execute();
    }

    private record Bounds(long prunedUpTo, long lastId) {
    }

    /** The bounds readers may see: on H2 not beyond what is on disk ({@link NotificationLogDialect#visibleUpTo}). */
    private Bounds bounds(Handle h) {
        long visible = dialect.visibleUpTo();
        return h.createQuery("""
                        select p.pruned_up_to, greatest(p.pruned_up_to, coalesce((select max(id) from bus_notifications), 0),
                                                        coalesce((select max(pruned_up_to) from bus_channel_pruned), 0)) as last_id
                        from bus_pruned p where p.singleton = 1""")
                .map((rs, ctx) -> new Bounds(rs.getLong("pruned_up_to"),
                        Math.max(rs.getLong("pruned_up_to"), Math.min(rs.getLong("last_id"), visible)))).one();
    }

    private static List<String> names(Set<Channel> channels) {
        return channels.stream().map(Channel::name).toList();
    }

    @Override
    public void close() {
        dialect.close();
    }
}
