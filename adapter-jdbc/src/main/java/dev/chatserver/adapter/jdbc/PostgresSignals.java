package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Transient signals between the nodes on one PostgreSQL database: each is a {@code NOTIFY} on a channel of its
 * own ({@value #CHANNEL}), sent when the sender's transaction commits and never written to a table. Its payload
 * is the bus channel's name, a line feed, and the event in {@link NotificationCodec}'s form. Every node, the
 * sender's too, hears it on its listening connection ({@link PostgresWakeUps}) and hands it to its own
 * listeners. A signal sent while a node's listening connection is down is not heard there: it was transient.
 */
final class PostgresSignals implements SentSignals {
    static final String CHANNEL = "chat_bus_signal";
    /** PostgreSQL refuses a notification payload of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_999;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSignals.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final NotificationCodec codec = new NotificationCodec();
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    PostgresSignals(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void onSignal(Consumer<Notification> listener) {
        listeners.add(listener);
    }

    /** Sends the signal in the caller's transaction (at once outside one): PostgreSQL delivers it on commit. */
    @Override
    public void send(Channel channel, DomainEvent event) {
        String payload = channel.name() + '\n' + codec.write(event);
        int size = payload.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PAYLOAD_BYTES) {
            // the use cases bound what a signal carries well below this; a signal is never worth failing a request
            LOG.warn("a signal on {} of {} bytes does not fit a notification payload and was not sent", channel, size);
            return;
        }
        jdbi.useTransaction(h -> h.createQuery("select pg_notify(:wire, :payload)::text")
                .bind("wire", CHANNEL).bind("payload", payload).mapTo(String.class).one());
    }

    /** A signal heard on the listening connection: handed to this node's listeners when this node can read it. */
    void heard(String payload) {
        int end = payload.indexOf('\n');
        if (end < 0) {
            LOG.warn("skipping a signal without a channel");
            return;
        }
        Channel channel = new Channel(payload.substring(0, end));
        codec.read(payload.substring(end + 1), channel).ifPresent(event -> {
            Notification signal = Notification.signal(channel, event, clock.instant());
            listeners.forEach(listener -> listener.accept(signal));
        });
    }
}
