package dev.chatserver.application.port.out;

import dev.chatserver.domain.event.DomainEvent;
import dev.chatserver.application.port.out.notification.Channel;


/**
 * The one bus that pushes every change to whoever is connected. {@link #publish} is called inside the unit of
 * work that makes the change: the notification gets its increasing id and is delivered only once that unit
 * commits, and never when it rolls back.
 *
 * <p>What travels is a typed {@link DomainEvent}; each face renders it in its own shape.
 */
public interface NotificationBus {
    void publish(Channel channel, DomainEvent event);
}
