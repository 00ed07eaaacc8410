package dev.chatserver.bootstrap;

import dev.chatserver.application.port.out.notification.event.DomainEvent;

/**
 * What an embedding application hears of the core: each domain event once, after its change is committed (a
 * message is heard once, not once per member it is addressed to; a {@code SessionChanged} is one event per member,
 * as each member sees the session differently). It runs on the thread that committed (for posts and chat events,
 * the one writer of the node), so it hands anything slow to a thread of its own. A listener that throws is logged
 * and does not undo anything.
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(DomainEvent event);
}
