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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notifications as Odoo 17's consumers read them ({@code subscribe(type, callback)} gets the payload):
 * {@code discuss.channel/new_message}, and {@code mail.record/insert} with a {@code Thread} for a session
 * change and {@code Persona} entries for presence.
 */
final class Odoo17NotificationRenderer implements NotificationRenderer {
    private static final String CHANNEL_MODEL = "discuss.channel";
    private static final String RECORD_INSERT = "mail.record/insert";

    private final KnownPartners partners;

    Odoo17NotificationRenderer(KnownPartners partners) {
        this.partners = partners;
    }

    @Override
    public Object render(DomainEvent event) {
        if (event instanceof MessagePosted posted) {
            return OdooPayloads.notification(CHANNEL_MODEL + "/new_message",
                    OdooPayloads.newMessage(posted.message(), CHANNEL_MODEL, Map.of("author", author(posted)),
                            partners, Map.of("type", "partner")));
        }
        if (event instanceof MemberTyping typing) {
            return OdooPayloads.notification("discuss.channel.member/typing_status", OdooPayloads.typingStatus(typing.signal()));
        }
        if (event instanceof SessionChanged changed) {
            return OdooPayloads.notification(RECORD_INSERT,
                    Map.of("Thread", OdooPayloads.channel(changed.session(), CHANNEL_MODEL)));
        }
        if (event instanceof PresenceChanged presence) {
            return OdooPayloads.notification(RECORD_INSERT, Map.of("Persona",
                    OdooPayloads.presence(partners, presence, Map.of("type", "partner"))));
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

    private static Map<String, Object> author(MessagePosted posted) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", posted.message().fromPartner().id().value());
        author.put("name", posted.message().fromPartner().name());
        author.put("type", "partner");
        return author;
    }
}
