package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.LiveSignals;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.DomainEvent;

/** Transient signals as the bus sends them: delivered once the sender's unit of work commits, and never stored. */
interface SentSignals extends LiveSignals {
    void send(Channel channel, DomainEvent event);
}
