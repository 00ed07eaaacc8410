package dev.chatserver.bootstrap;

import dev.chatserver.domain.event.DomainEvent;

/**
 * What an embedding application hears of the core: every domain event once its change is committed, once per
 * channel it is addressed to ({@code user:<id>}, {@code presence:<id>}, {@code room:<uuid>}, {@code audience:<name>};
 * docs/realtime.md). It runs on the thread that committed (for posts and chat events, the one writer of the node),
 * so it hands anything slow to a thread of its own. A listener that throws is logged and does not undo anything.
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(String channel, DomainEvent event);
}
