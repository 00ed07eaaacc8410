package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.event.DomainEvent;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Transient signals on the one node H2 serves: handed to its listeners once the sender's unit of work commits. */
final class H2Signals implements SentSignals {
    private final Transactions transactions;
    private final Clock clock;
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    H2Signals(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void onSignal(Consumer<Notification> listener) {
        listeners.add(listener);
    }

    @Override
    public void send(Channel channel, DomainEvent event) {
        transactions.afterCommit(() -> {
            Notification signal = Notification.signal(channel, event, clock.instant());
            listeners.forEach(listener -> listener.accept(signal));
        });
    }
}
