package dev.chatserver.adapter.http.realtime;

import dev.chatserver.adapter.http.chats.ChatJson;
import dev.chatserver.adapter.http.im.ImPayloads;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.port.out.notification.event.SessionChanged;

/**
 * Notifications as docs/realtime.md documents them: IM messages and sessions in the IM chat API's shapes,
 * presence as {@code im_status}, chat events in the Chats API's shape.
 */
public final class ApiNotificationRenderer implements NotificationRenderer {
    @Override
    public Object render(DomainEvent event) {
        if (event instanceof MessagePosted posted) {
            return ImPayloads.messageNotification(posted.message());
        }
        if (event instanceof MemberTyping typing) {
            return ImPayloads.typingNotification(typing.signal());
        }
        if (event instanceof SessionChanged changed) {
            return ImPayloads.sessionNotification(changed.session());
        }
        if (event instanceof PresenceChanged presence) {
            return ImPayloads.presenceNotification(presence.user(), presence.status());
        }
        if (event instanceof ReadReceipt receipt) {
            return ImPayloads.seenNotification(receipt);
        }
        if (event instanceof ChatEventAppended appended) {
            return ChatJson.eventNotification(appended.event());
        }
        if (event instanceof RoomBanChanged ban) {
            return ChatJson.banNotification(ban.room(), ban.account(), ban.banned(), ban.reason());
        }
        if (event instanceof MessageEdited edited) {
            return ImPayloads.editedNotification(edited);
        }
        if (event instanceof MessageDeleted deleted) {
            return ImPayloads.deletedNotification(deleted);
        }
        if (event instanceof ReactionToggled toggled) {
            return ImPayloads.reactionNotification(toggled);
        }
        throw new IllegalArgumentException("no rendering of " + event.getClass().getSimpleName());
    }
}
