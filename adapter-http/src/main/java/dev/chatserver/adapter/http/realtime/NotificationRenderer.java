package dev.chatserver.adapter.http.realtime;

import dev.chatserver.application.port.out.notification.event.DomainEvent;

/**
 * How one protocol shows a domain event as the {@code message} of a notification: a JSON-like tree the HTTP
 * adapter's mapper writes. Each protocol that needs another shape of the same event has its own renderer.
 */
public interface NotificationRenderer {
    Object render(DomainEvent event);
}
