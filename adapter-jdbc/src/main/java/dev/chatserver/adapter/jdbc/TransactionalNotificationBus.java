package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bus on the database: a notification is written to the log inside the transaction of the change it
 * announces, so it is delivered if and only if that change commits (on every node sharing a PostgreSQL
 * database). Inside a unit of work the notifications are gathered and appended together just before the commit (one lock, one batch, one wake-up
 * for all of them, however many a batch of posts publishes); outside one, in a unit of their own.
 */
final class TransactionalNotificationBus implements NotificationBus {
    private final JdbcNotificationLog log;
    private final SentSignals signals;
    private final JdbcTransactions transactions;

    TransactionalNotificationBus(JdbcNotificationLog log, SentSignals signals, JdbcTransactions transactions) {
        this.log = log;
        this.signals = signals;
        this.transactions = transactions;
    }

    @Override
    public void publish(Collection<Channel> channels, DomainEvent event) {
        transactions.inTransaction(() -> transactions.beforeCommit(this, Gathered::new).orElseThrow().add(channels, event));
    }

    /** Delivered when the caller's transaction commits (to every node, on PostgreSQL); never stored. */
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
        private final List<JdbcNotificationLog.Pending> pending = new ArrayList<>();

        void add(Collection<Channel> channels, DomainEvent event) {
            channels.forEach(channel -> pending.add(new JdbcNotificationLog.Pending(channel, event)));
        }

        @Override
        public void run() {
            log.appendAll(pending);
        }
    }
}
