package dev.chatserver.application.port.out;

import dev.chatserver.application.port.out.notification.NotificationRetention;

import java.time.Clock;

/**
 * Where a storage keeps the notification bus. The wiring opens it once it knows the clock and the retention;
 * whatever it opened (a listening connection, a thread) is closed with the storage.
 */
public interface NotificationStorage {
    Opened open(Clock clock, NotificationRetention retention);

    /**
     * The log real-time delivery reads, the bus use cases publish to, which feeds that log, and where the bus's
     * transient signals arrive.
     */
    record Opened(NotificationLog log, NotificationBus bus, LiveSignals signals) {
        public Opened {
            java.util.Objects.requireNonNull(log, "log");
            java.util.Objects.requireNonNull(bus, "bus");
            java.util.Objects.requireNonNull(signals, "signals");
        }
    }
}
