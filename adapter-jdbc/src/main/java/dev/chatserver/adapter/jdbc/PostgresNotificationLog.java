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
 * The notification log shared by every node on one PostgreSQL database. An append joins the caller's
 * transaction, so a notification is durable exactly when the change it announces is. Appends take one
 * transaction-scoped advisory lock, held until commit, so ids are handed out in commit order: a reader that
 * has seen id N never later finds a smaller id appear. Every node hears of commits through LISTEN/NOTIFY.
 */
public final class PostgresNotificationLog implements NotificationLog, AutoCloseable {
    /** Any fixed number: the advisory lock that orders appends across nodes. */
    private static final long APPEND_LOCK = 0x63686174L;
    /** Another fixed number: the advisory lock that lets one node prune at a time. */
    private static final long PRUNE_LOCK = 0x70727565L;
    private static final int CATCH_UP_MILLIS = 1_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final NotificationRetention retention;
    private final NotificationCodec codec = new NotificationCodec();
    private final PostgresWakeUps wakeUps;
    private final PostgresSignals signals;
    private final RowMapper<Stored> row;
    private final NotificationBus bus;

    PostgresNotificationLog(Jdbi jdbi, JdbcTransactions transactions, ListeningConnections listening, Clock clock,
                            NotificationRetention retention) {
        this.jdbi = jdbi;
        this.signals = new PostgresSignals(jdbi, clock);
        this.bus = new TransactionalNotificationBus(this, signals, transactions);
        this.clock = clock;
        this.retention = retention;
        this.wakeUps = new PostgresWakeUps(listening, signals, CATCH_UP_MILLIS);
        this.row = (rs, ctx) -> {
            Channel channel = new Channel(rs.getString("channel"));
            long id = rs.getLong("id");
            Instant appendedAt = rs.getTimestamp("appended_at").toInstant();
            return new Stored(id, codec.read(rs.getString("message"), channel)
                    .map(event -> new Notification(id, channel, event, appendedAt)));
        };
    }

    @Override
    public Notification append(Channel channel, DomainEvent event) {
        String text = codec.write(event);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", APPEND_LOCK).mapTo(String.class).one();
            long id = h.createUpdate("insert into bus_notifications (channel, message, appended_at) values (:channel, :message, :at)")
                    .bind("channel", channel.name()).bind("message", text).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            List<Long> texts = event.messageTextsCarried();
            if (!texts.isEmpty()) {
                h.createUpdate("""
                                insert into bus_notification_texts (notification_id, message_id)
                                select :id, message_id from unnest(:texts) as carried(message_id)""")
                        .bind("id", id).bindArray("texts", Long.class, texts).execute();
            }
            h.createQuery("select pg_notify(:channel, :payload)::text").bind("channel", PostgresWakeUps.CHANNEL)
                    .bind("payload", Long.toString(id)).mapTo(String.class).one();
            return new Notification(id, channel, event, now);
        });
    }

    /** A notification waiting to be appended with the others of its unit of work. */
    record Pending(Channel channel, DomainEvent event) {
    }

    /**
     * Appends these in the order given, in the caller's transaction: one lock, then one statement that inserts
     * them all, notes which messages' text each carries and wakes the nodes once. The rows travel as arrays:
     * pgjdbc sends a batch that returns keys as one execution per row, which cost the database more than the
     * rest of a post together.
     */
    void appendAll(List<Pending> notifications) {
        if (notifications.isEmpty()) {
            return;
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
        jdbi.useTransaction(h -> {
            h.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", APPEND_LOCK).mapTo(String.class).one();
            h.createQuery("""
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
                            select pg_notify(:wake, (select max(id) from appended)::text)::text""")
                    .bind("at", now)
                    .bindArray("channels", String.class, channels)
                    .bindArray("messages", String.class, messages)
                    .bindArray("textPositions", Long.class, textPositions)
                    .bindArray("textMessages", Long.class, textMessages)
                    .bind("wake", PostgresWakeUps.CHANNEL)
                    .mapTo(String.class).one();
        });
    }

    /**
     * In the caller's transaction, rewrites every kept notification that carries the deleted message's text as
     * the deletion tells, found through {@code bus_notification_texts}; a row this node cannot read (stored by
     * a newer one) is removed rather than left with the text.
     */
    void forgetText(MessageDeleted deletion) {
        jdbi.useTransaction(h -> {
            List<Carrying> carrying = h.createQuery("""
                            select n.id, n.channel, n.message from bus_notifications n
                            join bus_notification_texts t on t.notification_id = n.id
                            where t.message_id = :message order by n.id for update of n""")
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
                            where id > :after and channel in (<channels>) order by id limit :limit""")
                    .bind("after", after).bindList("channels", names(channels)).bind("limit", limit)
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

    @Override
    public LogRead readSince(Instant since, Set<Channel> channels, int limit) {
        if (channels.isEmpty()) {
            return LogRead.of(List.of());
        }
        return jdbi.withHandle(h -> readable(h.createQuery("""
                        select id, channel, message, appended_at from bus_notifications
                        where appended_at >= :since and channel in (<channels>) order by id limit :limit""")
                .bind("since", since).bindList("channels", names(channels)).bind("limit", limit)
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
        return jdbi.withHandle(h -> bounds(h).lastId());
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
        wakeUps.onWake(listener);
    }

    /**
     * Drops what is older than the retention, then, while the log holds more than the retention's count or
     * bytes ({@code octet_length} of the stored text), the oldest rows of the channels holding the most: each
     * channel keeps at most its fair share ({@link NotificationRetention#fairCap}) of each, so a channel within
     * it loses nothing. What each channel lost is noted in {@code bus_channel_pruned}. One node prunes at a time.
     */
    @Override
    public int prune() {
        Instant oldestKept = clock.instant().minus(retention.maxAge());
        return jdbi.inTransaction(h -> {
            h.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", PRUNE_LOCK).mapTo(String.class).one();
            List<Long> aged = h.createQuery("delete from bus_notifications where appended_at < :oldest returning id")
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
        List<Long> cut = h.createQuery("""
                        with ranked as (
                            select id, row_number() over newest_first as nth,
                                   sum(octet_length(message)) over newest_first as size_from_newest
                            from bus_notifications
                            window newest_first as (partition by channel order by id desc)),
                        ranked_at_cap as (
                            select id, nth, size_from_newest, row_number() over (partition by nth order by id desc) as among_them
                            from ranked),
                        cut as (
                            delete from bus_notifications n using ranked_at_cap r
                            where n.id = r.id
                              and (r.nth > :countCap + 1 or (r.nth = :countCap + 1 and r.among_them > :oneMore)
                                   or r.size_from_newest > :bytesCap)
                            returning n.id, n.channel, n.appended_at),
                        noted as (
                            insert into bus_channel_pruned (channel, pruned_up_to, appended_at)
                            select channel, max(id), max(appended_at) from cut group by channel
                            on conflict (channel) do update
                            set pruned_up_to = greatest(bus_channel_pruned.pruned_up_to, excluded.pruned_up_to),
                                appended_at = greatest(bus_channel_pruned.appended_at, excluded.appended_at))
                        select id from cut""")
                .bind("countCap", countCap).bind("oneMore", oneMore).bind("bytesCap", bytesCap)
                .mapTo(Long.class).list();
        boundChannelLosses(h);
        return cut.size();
    }

    /** What a channel lost before {@code oldestKept} is older than the retention on every channel: the floor says it. */
    private static void meltChannelLosses(Handle h, Instant oldestKept) {
        Long melted = h.createQuery("""
                        with melted as (delete from bus_channel_pruned where appended_at < :oldest returning pruned_up_to)
                        select max(pruned_up_to) from melted""")
                .bind("oldest", oldestKept).mapTo(Long.class).one();
        raisePrunedUpTo(h, melted == null ? 0 : melted);
    }

    /** Keeps at most the retention's count of channel losses: the oldest beyond it melt into the floor. */
    private void boundChannelLosses(Handle h) {
        Long melted = h.createQuery("""
                        with melted as (
                            delete from bus_channel_pruned where channel in (
                                select channel from bus_channel_pruned order by pruned_up_to desc offset :kept)
                            returning pruned_up_to)
                        select max(pruned_up_to) from melted""")
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

    private static Bounds bounds(Handle h) {
        return h.createQuery("""
                        select p.pruned_up_to, greatest(p.pruned_up_to, coalesce((select max(id) from bus_notifications), 0),
                                                        coalesce((select max(pruned_up_to) from bus_channel_pruned), 0)) as last_id
                        from bus_pruned p where p.singleton = 1""")
                .map((rs, ctx) -> new Bounds(rs.getLong("pruned_up_to"), rs.getLong("last_id"))).one();
    }

    private static List<String> names(Set<Channel> channels) {
        return channels.stream().map(Channel::name).toList();
    }

    @Override
    public void close() {
        wakeUps.close();
    }
}
