package dev.chatserver.application.im;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.MemberTyping;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.application.port.in.view.MessageView;
import jakarta.inject.Inject;

import dev.chatserver.application.port.in.view.SessionView;

import java.util.Collection;
import java.util.Map;

/**
 * Hands IM changes to the notification bus inside the unit of work: what every member hears once on the session's
 * channel, what each member sees differently (the session as they see it) on each one's own channel.
 */
public final class ImNotifier {
    private final NotificationBus bus;
    private final SessionViews views;

    @Inject
    public ImNotifier(NotificationBus bus, SessionViews views) {
        this.bus = bus;
        this.views = views;
    }

    public void messagePosted(ImSession session, MessageView message) {
        toMembers(session, new MessagePosted(message));
    }

    /** Tells the other members connected now that the signal's sender is typing: live only, never kept. */
    public void typing(ImSession session, MessageView signal) {
        MemberTyping typing = new MemberTyping(signal);
        bus.signal(session.memberIds().stream().filter(member -> !member.equals(signal.fromId()))
                .map(Channel::ofUser).toList(), typing);
    }

    public void messageEdited(ImSession session, ImMessage edited) {
        toMembers(session, new MessageEdited(session.uuid(), edited.id(), edited.content(), edited.editDate().orElseThrow(),
                edited.mentions()));
    }

    public void messageDeleted(ImSession session, ImMessage tombstone) {
        MessageDeleted deletion = new MessageDeleted(session.uuid(), tombstone.id(), tombstone.deleteDate().orElseThrow());
        bus.forgetText(deletion);
        toMembers(session, deletion);
    }

    public void reactionToggled(ImSession session, ReactionToggled toggled) {
        toMembers(session, toggled);
    }

    /**
     * Once on the session's channel, however many members it has: each member's connections hear it on their own
     * channel as long as they are a member when it is delivered (see docs/realtime.md, "One notification per post").
     */
    private void toMembers(ImSession session, DomainEvent event) {
        bus.publish(Channel.ofSession(session.uuid()), event);
    }

    /**
     * A post also told on {@code goer}'s own channel: they leave the session in the same unit of work, and read
     * why although they will not be a member when it is delivered.
     */
    public void messagePostedTo(UserId goer, MessageView message) {
        bus.publish(Channel.ofUser(goer), new MessagePosted(message));
    }

    /** Tells every member, the reader's own other connections too, that {@code reader} has seen up to a message. */
    public void readReceipt(ImSession session, UserId reader, long seenMessageId) {
        toMembers(session, new ReadReceipt(session.id(), session.uuid(), reader, seenMessageId));
    }

    /** Tells each of {@code members} how the session now looks to them. */
    public void sessionChanged(ImSession session, Collection<UserId> members) {
        if (members.isEmpty()) {
            return;
        }
        sessionSeenAs(views.asSeenByEach(session, members));
    }

    /** Tells each member how the session now looks to them, from views already made. */
    public void sessionSeenAs(Map<UserId, SessionView> viewsByMember) {
        viewsByMember.forEach((member, view) -> bus.publish(Channel.ofUser(member), new SessionChanged(member, view)));
    }
}
