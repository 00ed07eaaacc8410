package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.LiveSignals;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.event.DomainEvent;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Transient signals on one node: handed to this node's listeners on the sender's thread, and kept nowhere. */
final class InMemorySignals implements LiveSignals {
    private final Clock clock;
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    InMemorySignals(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onSignal(Consumer<Notification> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void send(Channel channel, DomainEvent event) {
        Notification signal = Notification.signal(channel, event, clock.instant());
        listeners.forEach(listener -> listener.accept(signal));
    }
}
