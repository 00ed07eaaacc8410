package dev.chatserver.application.chats;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventRoom;
import jakarta.inject.Inject;

import java.util.Map;

/** Hands chat events to the notification bus inside the unit of work: to the room, and claims to the audience too. */
public final class ChatNotifier {
    private final NotificationBus bus;

    @Inject
    public ChatNotifier(NotificationBus bus) {
        this.bus = bus;
    }

    public void eventAppended(EventRoom room, Event event, boolean claim) {
        Map<String, Object> notification = EventMessages.notification(event);
        bus.publish(Channel.ofRoom(room.id().value()), notification);
        if (claim) {
            bus.publish(Channel.ofAudience(room.audience()), notification);
        }
    }
}
