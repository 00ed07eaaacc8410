package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bus across nodes: a notification is written to the shared log inside the transaction of the change it
 * announces, so it is delivered if and only if that change commits, on every node. Inside a unit of work the
 * notifications are gathered and appended together just before the commit (one lock, one batch, one wake-up
 * for all of them, however many a batch of posts publishes); outside one, each is appended at once.
 */
final class TransactionalNotificationBus implements NotificationBus {
    private final PostgresNotificationLog log;
    private final PostgresSignals signals;
    private final JdbcTransactions transactions;

    TransactionalNotificationBus(PostgresNotificationLog log, PostgresSignals signals, JdbcTransactions transactions) {
        this.log = log;
        this.signals = signals;
        this.transactions = transactions;
    }

    @Override
    public void publish(Collection<Channel> channels, DomainEvent event) {
        transactions.beforeCommit(this, Gathered::new).ifPresentOrElse(gathered -> gathered.add(channels, event),
                () -> channels.forEach(channel -> log.append(channel, event)));
    }

    /** A {@code NOTIFY} of its own in the caller's transaction, delivered to every node when it commits; never stored. */
    @Override
    public void signal(Collection<Channel> channels, DomainEvent event) {
        channels.forEach(channel -> signals.send(channel, event));
    }

    /** At once, in the caller's transaction: the rows it rewrites are locked until that commits. */
    @Override
    public void forgetText(MessageDeleted deletion) {
        log.forgetText(deletion);
    }

    /** The notifications of one unit of work, in the order published. */
    private final class Gathered implements Runnable {
        private final List<PostgresNotificationLog.Pending> pending = new ArrayList<>();

        void add(Collection<Channel> channels, DomainEvent event) {
            channels.forEach(channel -> pending.add(new PostgresNotificationLog.Pending(channel, event)));
        }

        @Override
        public void run() {
            log.appendAll(pending);
        }
    }
}
