package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.Transactions;

import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import java.util.Collection;
import java.util.List;
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

    @Override
    public void publish(Collection<Channel> channels, DomainEvent event) {
        List<Channel> to = List.copyOf(channels);
        Objects.requireNonNull(event, "event");
        transactions.afterCommit(() -> to.forEach(channel -> log.append(channel, event)));
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
