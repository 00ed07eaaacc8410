package dev.chatserver.application.port.out;

import dev.chatserver.application.port.out.notification.Notification;

import java.util.function.Consumer;

/**
 * Where transient signals ({@link NotificationBus#signal}) published on any node that shares this bus arrive on
 * this one. They are never kept: a listener hears those sent while it listens, and nothing else.
 */
public interface LiveSignals {
    /**
     * Calls {@code listener} with every signal ({@link Notification#signal()} true, id 0) once it is sent, on
     * whichever thread sent it or heard of it from another node. Listeners must return quickly.
     */
    void onSignal(Consumer<Notification> listener);
}
