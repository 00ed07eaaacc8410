package dev.chatserver.application.chats;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;
import jakarta.inject.Inject;
import java.util.List;

/** Hands chat events to the notification bus inside the unit of work: to the room, and claims to the audience too. */
public final class ChatNotifier {
    private final NotificationBus bus;

    @Inject
    public ChatNotifier(NotificationBus bus) {
        this.bus = bus;
    }

    public void eventAppended(EventRoom room, Event event, boolean claim) {
        ChatEventAppended appended = new ChatEventAppended(event);
        Channel roomChannel = Channel.ofRoom(room.id().value());
        bus.publish(claim ? List.of(roomChannel, Channel.ofAudience(room.audience())) : List.of(roomChannel), appended);
    }

    /** On the room's channel: its subscribers, the banned account's among them, hear of it. */
    public void banChanged(RoomId room, AccountId account, boolean banned, String reason) {
        bus.publish(List.of(Channel.ofRoom(room.value())), new RoomBanChanged(room, account, banned, reason));
    }
}
