package dev.chatserver.application.contract;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.application.port.out.notification.event.ChatEventAppended;
import dev.chatserver.application.port.out.notification.event.RoomBanChanged;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.in.view.GroupView;
import dev.chatserver.domain.im.Posting;
import dev.chatserver.domain.presence.ImStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** One domain event of every kind, with the awkward values (nulls, empties, unicode, nested JSON) a log must keep. */
public final class SampleEvents {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final UUID SESSION = UUID.fromString("6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11");

    private SampleEvents() {
    }

    /** A small event told apart by {@code n}, for tests that only count and order. */
    public static DomainEvent numbered(long n) {
        return bulky(n, "n");
    }

    /** The {@code n} of {@link #numbered}. */
    public static long numberOf(DomainEvent event) {
        return ((MessagePosted) event).message().id();
    }

    /** A message event numbered {@code n} (its message id) whose content is {@code content}: for tests that need notifications of some size. */
    public static DomainEvent bulky(long n, String content) {
        return new MessagePosted(MessageViews.restored(n, 7, SESSION, UserId.of(5), "Lucid Lynx",
                new Partner(PartnerId.of(11), "Lucid Lynx"), "message", content, AT, List.of(), Optional.empty(), List.of()));
    }

    /** How an IM session of no member looks to {@code viewer}: what tells them they joined it, for delivery tests. */
    public static DomainEvent joined(UserId viewer, UUID session) {
        return new SessionChanged(viewer, SessionView.restored(1, session, AT, true, List.of(), List.of(), List.of(),
                SessionState.OPEN, SessionStatus.ACTIVE, true, OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty()));
    }

    public static List<DomainEvent> everyKind() {
        Partner lynx = new Partner(PartnerId.of(11), "Lucid Lynx");
        MessageView message = MessageViews.restored(42, 7, SESSION, UserId.of(5), "Lucid Lynx", lynx, "message",
                "Hello \"Ocelot\" \u00e9\u4e2d\ud83d\ude00\n", AT, List.of(new AttachmentView(
                        new AttachmentId(UUID.fromString("0b7e3c1a-5d2f-4e6a-9c8b-1a2b3c4d5e6f")),
                        new FileName("r\u00e9sum\u00e9 \"final\".pdf"), "application/pdf", 123_456, false),
                        new AttachmentView(new AttachmentId(UUID.fromString("1c8f4d2b-6e3a-4f7b-8d9c-2b3c4d5e6f70")),
                        new FileName("cat.png"), "image/png", 42, true)),
                Optional.of(new QuotedMessage(41, UserId.of(6), "What did \"you\" say? \ud83d\ude00", false)),
                List.of(UserId.of(6)));
        SessionView session = new SessionView(7, SESSION, AT, true, List.of(new GroupRef(GroupId.of(3), "News")),
                List.of(new DocumentLink(2, new DocumentRef("res.partner", "12"))),
                List.of(new SessionMember(UserId.of(5), "Lucid Lynx", lynx, ImStatus.AWAY,
                                Optional.of(new MessageSummary(42, "message", "Hello", AT))),
                        new SessionMember(UserId.of(6), "Oneiric Ocelot", new Partner(PartnerId.of(12), "Oneiric Ocelot"),
                                ImStatus.OFFLINE, Optional.empty())),
                SessionState.FOLDED, SessionStatus.FAVORITE, false);
        Event labelled = new Event(new EventId(UUID.fromString("0b7f7a1e-51c3-4c62-8c1b-1f2a3b4c5d6e")),
                new RoomId(UUID.fromString("91e03d34-1929-4a02-9486-4c3e708686b3")), "message", "messages", "m1",
                null, new JsonText("{\"text\":\"hi\",\"n\":[1,2.5,null,{\"deep\":true}]}"), 1_732_000_000_000_001L,
                1_732_000_000_000_000L, AccountId.parse("lynx.usr.localhost"), Instant.parse("2026-11-21T10:00:00.123Z"));
        Event bare = new Event(new EventId(UUID.fromString("1c8f7a1e-51c3-4c62-8c1b-1f2a3b4c5d6e")),
                new RoomId(UUID.fromString("91e03d34-1929-4a02-9486-4c3e708686b3")), "layout", "layout", null,
                null, JsonText.EMPTY_OBJECT, 5, 5, AccountId.parse("support.usr.localhost"), Instant.parse("2026-11-21T10:00:01Z"));
        return List.of(new MessagePosted(message), new SessionChanged(UserId.of(5), session),
                new PresenceChanged(UserId.of(6), ImStatus.OFFLINE), new ChatEventAppended(labelled),
                new ChatEventAppended(bare), new ReadReceipt(7, SESSION, UserId.of(6), 42),
                new MessageEdited(SESSION, 42, "Hello again \u00e9\ud83d\ude00\n", AT, List.of(UserId.of(6))),
                new MessageEdited(SESSION, 42, "Hello again", AT, List.of()),
                new MessageDeleted(SESSION, 42, AT), new ReactionToggled(SESSION, 42, UserId.of(6), "\ud83d\udc4d\ud83c\udffd", true, 3),
                new ReactionToggled(SESSION, 42, UserId.of(5), "\u2764\ufe0f", false, 0),
                new RoomBanChanged(labelled.roomId(), new AccountId("a.b", "c"), true, "flooding \"again\" \u00e9"),
                new RoomBanChanged(labelled.roomId(), AccountId.parse("lynx.usr.localhost"), false, ""),
                new MessagePosted(message.tombstone()), new SessionChanged(UserId.of(5), session.withLastMessageDeleted(42)),
                new SessionChanged(UserId.of(6), withReadPointers(session)),
                new SessionChanged(UserId.of(6), SessionView.restored(8, SESSION, AT, true, List.of(), List.of(),
                        session.users(), SessionState.OPEN, SessionStatus.ACTIVE, true, OptionalLong.empty(),
                        Optional.of(new GroupView("Night \"shift\" \u00e9", Posting.ADMINS,
                                List.of(UserId.of(5), UserId.of(6)))), OptionalLong.empty())));
    }

    /** The session with each member's read pointer and the viewer's unread count. */
    private static SessionView withReadPointers(SessionView session) {
        List<SessionMember> users = session.users().stream().map(u -> new SessionMember(u.id(), u.name(),
                u.partner(), u.imStatus(), u.lastMessage(), OptionalLong.of(40 + u.id().value()))).toList();
        return new SessionView(session.id(), session.uuid(), session.createDate(), session.isGroup(),
                session.groups(), session.docs(), users, session.state(), session.status(), session.isRead())
                .withUnreadCount(3, 1);
    }
}
