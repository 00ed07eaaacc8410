package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.adapter.http.realtime.NotificationRenderer;
import dev.chatserver.domain.event.DomainEvent;
import dev.chatserver.domain.event.MemberTyping;
import dev.chatserver.domain.event.MessagePosted;
import dev.chatserver.domain.event.PresenceChanged;
import dev.chatserver.domain.event.SessionChanged;

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
        throw new IllegalArgumentException("Odoo 8 has no rendering of " + event.getClass().getSimpleName());
    }
}
