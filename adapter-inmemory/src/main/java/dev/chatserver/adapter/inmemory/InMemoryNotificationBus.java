package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.Transactions;

import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The bus on one machine: a notification published inside a unit of work is appended to the notification log
 * once that unit commits (never when it rolls back), which wakes the dispatcher. The publisher returns at
 * once; delivery to subscribers happens on the dispatcher's thread. A transient signal skips the log.
 */
public final class InMemoryNotificationBus implements NotificationBus {
    private final InMemoryNotificationLog log;
    private final InMemorySignals signals;
    private final Transactions transactions;

    InMemoryNotificationBus(InMemoryNotificationLog log, InMemorySignals signals, Transactions transactions) {
        this.log = log;
        this.signals = signals;
        this.transactions = transactions;
    }

    /**
     * What a unit of work published, appended together once it commits: a reader never sees part of it (the
     * dispatcher must find a join notice and the joined session's first message in one read).
     */
    private final ThreadLocal<Gathered> gathered = new ThreadLocal<>();

    private record Gathered(Object unit, List<Map.Entry<Channel, DomainEvent>> notifications) {
    }

    @Override
    public void publish(Collection<Channel> channels, DomainEvent event) {
        Objects.requireNonNull(event, "event");
        List<Map.Entry<Channel, DomainEvent>> these = channels.stream().map(channel -> Map.entry(channel, event)).toList();
        Object unit = transactions.currentUnit().orElse(null);
        if (unit == null) {
            log.appendAll(these);
            return;
        }
        Gathered current = gathered.get();
        // a unit that rolled back left its gathering behind, never appended: this unit starts its own
        if (current == null || current.unit() != unit) {
            Gathered fresh = new Gathered(unit, new ArrayList<>());
            gathered.set(fresh);
            transactions.afterCommit(() -> {
                if (gathered.get() == fresh) {
                    gathered.remove();
                }
                log.appendAll(fresh.notifications());
            });
            current = fresh;
        }
        current.notifications().addAll(these);
    }

    /** Handed to this node's listeners once the unit of work commits, and never appended to the log. */
    @Override
    public void signal(Collection<Channel> channels, DomainEvent event) {
        List<Channel> to = List.copyOf(channels);
        Objects.requireNonNull(event, "event");
        transactions.afterCommit(() -> to.forEach(channel -> signals.send(channel, event)));
    }

    @Override
    public void forgetText(MessageDeleted deletion) {
        Objects.requireNonNull(deletion, "deletion");
        transactions.afterCommit(() -> log.forgetText(deletion));
    }
}
