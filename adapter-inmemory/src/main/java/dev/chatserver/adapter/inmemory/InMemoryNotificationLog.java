package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notification log of one process, trimmed by the retention on every append: by age, then, while it holds
 * more than the retention's count or bytes, by dropping the oldest notification of the channel that holds the
 * most ({@link ChannelShares}), so one channel's flood takes its own room and not another's. Its memory stays
 * bounded by the count and the bytes; a notification's bytes are estimated from the text its event carries.
 */
public final class InMemoryNotificationLog implements NotificationLog {
    /** What a kept notification costs besides its text: the objects that hold it, roughly. */
    static final int OVERHEAD_BYTES = 256;

    private final Clock clock;
    private final NotificationRetention retention;
    private final TreeMap<Long, Notification> byId = new TreeMap<>();
    private final ChannelShares shares = new ChannelShares();
    private final LostNotifications lost;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long lastId;
    private long bytes;

    public InMemoryNotificationLog(Clock clock, NotificationRetention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.lost = new LostNotifications(retention.maxCount());
    }

    /** The bytes keeping this notification costs, estimated: its text at two bytes a character, and the rest. */
    static long estimatedBytes(DomainEvent event) {
        return OVERHEAD_BYTES + 2L * event.textLength();
    }

    /** Appends these in the order given, seen by readers all at once, and wakes the listeners once. */
    void appendAll(List<Map.Entry<Channel, DomainEvent>> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Map.Entry<Channel, DomainEvent> notification : notifications) {
                keep(new Notification(++lastId, notification.getKey(), notification.getValue(), clock.instant()));
            }
            dropBeyondRetention();
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public Notification append(Channel channel, DomainEvent event) {
        Notification appended;
        synchronized (this) {
            appended = new Notification(++lastId, channel, event, clock.instant());
            keep(appended);
            dropBeyondRetention();
        }
        listeners.forEach(Runnable::run);
        return appended;
    }

    @Override
    public synchronized LogRead readNotingLosses(long after, Set<Channel> channels, int limit) {
        if (after < lost.floor() || after > lastId) {
            return LogRead.expiredRead();
        }
        List<Notification> found = new ArrayList<>();
        Iterator<Notification> oldestFirst = byId.tailMap(after, false).values().iterator();
        while (found.size() < limit && oldestFirst.hasNext()) {
            Notification notification = oldestFirst.next();
            if (channels.contains(notification.channel())) {
                found.add(notification);
            }
        }
        Map<Channel, Long> lostAfter = lost.after(after, channels);
        return LogRead.of(found).losing(lostAfter);
    }

    @Override
    public synchronized LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit) {
        if (after < lost.floor() || after > lastId) {
            return LogRead.expiredRead();
        }
        List<Notification> found = new ArrayList<>(byId.tailMap(after, false).values().stream().limit(limit).toList());
        return LogRead.of(found).losing(lost.after(after, watched));
    }

    @Override
    public synchronized LogRead readSince(Instant since, Set<Channel> channels, int limit) {
        List<Notification> found = new ArrayList<>();
        Iterator<Notification> newestFirst = byId.descendingMap().values().iterator();
        while (newestFirst.hasNext()) {
            Notification notification = newestFirst.next();
            if (notification.appendedAt().isBefore(since)) {
                break;
            }
            if (channels.contains(notification.channel())) {
                found.add(notification);
            }
        }
        return LogRead.of(oldestFirst(found, limit));
    }

    /**
     * Rewrites every retained notification that carries the deleted message's text as the deletion tells
     * ({@link DomainEvent#afterDeletion}), in place: same id, channel and time.
     */
    synchronized void forgetText(MessageDeleted deletion) {
        for (Map.Entry<Long, Notification> entry : byId.entrySet()) {
            Notification kept = entry.getValue();
            if (kept.event().messageTextsCarried().contains(deletion.messageId())) {
                DomainEvent rewritten = kept.event().afterDeletion(deletion);
                entry.setValue(new Notification(kept.id(), kept.channel(), rewritten, kept.appendedAt()));
                long change = estimatedBytes(rewritten) - estimatedBytes(kept.event());
                shares.resized(kept.channel(), change);
                bytes += change;
            }
        }
    }

    @Override
    public synchronized long lastId() {
        return lastId;
    }

    @Override
    public void onAppend(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public synchronized int prune() {
        return dropBeyondRetention();
    }

    private void keep(Notification notification) {
        long size = estimatedBytes(notification.event());
        byId.put(notification.id(), notification);
        shares.add(notification.channel(), notification.id(), size);
        bytes += size;
    }

    private int dropBeyondRetention() {
        Instant oldestKept = clock.instant().minus(retention.maxAge());
        int dropped = 0;
        while (!byId.isEmpty() && byId.firstEntry().getValue().appendedAt().isBefore(oldestKept)) {
            lost.agedOut(drop(byId.firstKey()).id());
            dropped++;
        }
        lost.forgetBefore(oldestKept);
        while (byId.size() > retention.maxCount()) {
            Notification evicted = drop(shares.oldestOfMostNotifications());
            lost.evicted(evicted.channel(), evicted.id(), evicted.appendedAt());
            dropped++;
        }
        while (bytes > retention.maxBytes()) {
            Notification evicted = drop(shares.oldestOfMostBytes());
            lost.evicted(evicted.channel(), evicted.id(), evicted.appendedAt());
            dropped++;
        }
        return dropped;
    }

    private Notification drop(long id) {
        Notification dropped = byId.remove(id);
        long size = estimatedBytes(dropped.event());
        shares.removeOldest(dropped.channel(), id, size);
        bytes -= size;
        return dropped;
    }

    private static List<Notification> oldestFirst(List<Notification> newestFirst, int limit) {
        int from = newestFirst.size() - 1;
        int to = Math.max(-1, from - limit);
        List<Notification> ordered = new ArrayList<>(Math.min(newestFirst.size(), limit));
        for (int i = from; i > to; i--) {
            ordered.add(newestFirst.get(i));
        }
        return ordered;
    }
}
