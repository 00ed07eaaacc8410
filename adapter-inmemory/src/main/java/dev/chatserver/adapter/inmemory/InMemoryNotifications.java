package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.NotificationStorage;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.NotificationRetention;

import java.time.Clock;

/**
 * The bus of one node, in its memory: a log that lives in this process, fed once each unit of work of
 * {@code transactions} commits. Any storage that serves a single node can use it (memory here, and H2 through
 * the wiring), whatever keeps its data.
 */
public final class InMemoryNotifications implements NotificationStorage {
    private final Transactions transactions;

    public InMemoryNotifications(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Opened open(Clock clock, NotificationRetention retention) {
        InMemoryNotificationLog log = new InMemoryNotificationLog(clock, retention);
        InMemorySignals signals = new InMemorySignals(clock);
        return new Opened(log, new InMemoryNotificationBus(log, signals, transactions), signals);
    }
}
