package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.port.out.NotificationLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import dev.chatserver.domain.event.DomainEvent;
import dev.chatserver.domain.event.MessageDeleted;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notification log of one process: an id-ordered queue trimmed by the retention on every append, so its
 * memory stays bounded by the retention count.
 */
public final class InMemoryNotificationLog implements NotificationLog {
    private final Clock clock;
    private final NotificationRetention retention;
    private final ArrayDeque<Notification> retained = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long lastId;
    /** The highest id ever dropped: resuming after an id below it would miss notifications. */
    private long droppedUpTo;

    public InMemoryNotificationLog(Clock clock, NotificationRetention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Notification append(Channel channel, DomainEvent event) {
        Notification appended;
        synchronized (this) {
            appended = new Notification(++lastId, channel, event, clock.instant());
            retained.addLast(appended);
            dropBeyondRetention();
        }
        listeners.forEach(Runnable::run);
        return appended;
    }

    @Override
    public synchronized LogRead readAfter(long after, Set<Channel> channels, int limit) {
        if (after < droppedUpTo || after > lastId) {
            return LogRead.expiredRead();
        }
        List<Notification> found = new ArrayList<>();
        Iterator<Notification> newestFirst = retained.descendingIterator();
        while (newestFirst.hasNext()) {
            Notification notification = newestFirst.next();
            if (notification.id() <= after) {
                break;
            }
            if (channels.contains(notification.channel())) {
                found.add(notification);
            }
        }
        return LogRead.of(oldestFirst(found, limit));
    }

    @Override
    public synchronized LogRead readSince(Instant since, Set<Channel> channels, int limit) {
        List<Notification> found = new ArrayList<>();
        Iterator<Notification> newestFirst = retained.descendingIterator();
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
        int count = retained.size();
        for (int i = 0; i < count; i++) {
            Notification kept = retained.removeFirst();
            retained.addLast(kept.event().messageTextsCarried().contains(deletion.messageId())
                    ? new Notification(kept.id(), kept.channel(), kept.event().afterDeletion(deletion), kept.appendedAt())
                    : kept);
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

    private int dropBeyondRetention() {
        Instant oldestKept = clock.instant().minus(retention.maxAge());
        int dropped = 0;
        while (!retained.isEmpty()
                && (retained.size() > retention.maxCount() || retained.peekFirst().appendedAt().isBefore(oldestKept))) {
            droppedUpTo = retained.removeFirst().id();
            dropped++;
        }
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
