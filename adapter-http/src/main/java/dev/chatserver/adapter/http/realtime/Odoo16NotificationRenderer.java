package dev.chatserver.adapter.http.realtime;

import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;

import java.util.Map;

/**
 * Notifications as Odoo 16's mail consumers read them: {@code mail.channel/new_message},
 * {@code mail.channel/insert} and {@code bus/im_status} ({@code {"partners":[{"id","im_status"}]}}, the id the user's partner's).
 */
final class Odoo16NotificationRenderer implements NotificationRenderer {
    private static final String CHANNEL_MODEL = "mail.channel";

    private final KnownPartners partners;

    Odoo16NotificationRenderer(KnownPartners partners) {
        this.partners = partners;
    }

    @Override
    public Object render(DomainEvent event) {
        if (event instanceof MessagePosted posted) {
            return OdooPayloads.notification(CHANNEL_MODEL + "/new_message",
                    OdooPayloads.newMessage(posted.message(), CHANNEL_MODEL, Map.of(), partners, Map.of()));
        }
        if (event instanceof MemberTyping typing) {
            return OdooPayloads.notification("mail.channel.member/typing_status", OdooPayloads.typingStatus(typing.signal()));
        }
        if (event instanceof SessionChanged changed) {
            return OdooPayloads.notification(CHANNEL_MODEL + "/insert",
                    OdooPayloads.channel(changed.session(), CHANNEL_MODEL));
        }
        if (event instanceof PresenceChanged presence) {
            return OdooPayloads.notification("bus/im_status", Map.of("partners",
                    OdooPayloads.presence(partners, presence, Map.of())));
        }
        if (event instanceof ReadReceipt receipt) {
            // Odoo's web client has no handler for this type and passes over it
            return OdooPayloads.notification("im_chat.seen", ImPayloads.seenNotification(receipt));
        }
        if (event instanceof ChatEventAppended appended) {
            return OdooPayloads.chatEvent(appended);
        }
        if (event instanceof RoomBanChanged ban) {
            return OdooPayloads.roomBan(ban);
        }
        return OdooPayloads.imChange(event).orElseThrow(() ->
                new IllegalArgumentException("no rendering of " + event.getClass().getSimpleName()));
    }
}
