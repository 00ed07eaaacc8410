package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;

import dev.chatserver.domain.event.DomainEvent;

/**
 * The bus across nodes: a notification is written to the shared log inside the transaction of the change it
 * announces, so it is delivered if and only if that change commits, on every node.
 */
final class TransactionalNotificationBus implements NotificationBus {
    private final PostgresNotificationLog log;

    TransactionalNotificationBus(PostgresNotificationLog log) {
        this.log = log;
    }

    @Override
    public void publish(Channel channel, DomainEvent event) {
        log.append(channel, event);
    }
}
