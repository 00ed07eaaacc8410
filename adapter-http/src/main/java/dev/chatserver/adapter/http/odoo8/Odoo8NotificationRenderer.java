package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.adapter.http.realtime.NotificationRenderer;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;

import java.util.Map;

/** Notifications as Odoo 8's im_chat.js reads them: the bare message, the bare session, {@code {id, im_status}}. */
final class Odoo8NotificationRenderer implements NotificationRenderer {
    @Override
    public Object render(DomainEvent event) {
        if (event instanceof MessagePosted posted) {
            return Odoo8Shapes.message(posted.message());
        }
        if (event instanceof MemberTyping typing) {
            Map<String, Object> signal = Odoo8Shapes.message(typing.signal());
            signal.put("id", null);
            return signal;
        }
        if (event instanceof SessionChanged changed) {
            return Odoo8Shapes.session(changed.session());
        }
        if (event instanceof PresenceChanged presence) {
            return Odoo8Shapes.presence(presence.user(), presence.status());
        }
        // its im_chat.js shows bus messages of type message and meta only: these pass by it in the API's shapes
        if (event instanceof MessageEdited edited) {
            return ImPayloads.editedNotification(edited);
        }
        if (event instanceof MessageDeleted deleted) {
            return ImPayloads.deletedNotification(deleted);
        }
        if (event instanceof ReactionToggled toggled) {
            return ImPayloads.reactionNotification(toggled);
        }
        if (event instanceof ReadReceipt receipt) {
            // im_chat.js acts on a message type, a session uuid or an im_status: it passes over this one
            return ImPayloads.seenNotification(receipt);
        }
        throw new IllegalArgumentException("Odoo 8 has no rendering of " + event.getClass().getSimpleName());
    }
}
