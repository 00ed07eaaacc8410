package dev.chatserver.application.port.out.notification.event;

import java.util.List;

/**
 * Something that happened in the core and that whoever is connected may hear of. The notification bus carries
 * these; each face renders them in its own shape (the IM chat API's, the Chats API's, Odoo's bus).
 */
public sealed interface DomainEvent permits MessagePosted, MemberTyping, SessionChanged, PresenceChanged,
        ChatEventAppended, MessageEdited, MessageDeleted, ReactionToggled, ReadReceipt, RoomBanChanged {

    /** The stored messages whose text this event carries: a log finds by them what a deletion must rewrite. */
    default List<Long> messageTextsCarried() {
        return List.of();
    }

    /**
     * This event as it may still be told once {@code deletion} took its message back: without that message's
     * text, the message shown as the tombstone history shows. The same event when it carries none of it.
     */
    default DomainEvent afterDeletion(MessageDeleted deletion) {
        return this;
    }

    /**
     * How many characters of text (contents, names, JSON data) this event holds: what keeping it costs beyond a
     * fixed overhead, so a log can bound what it keeps in bytes. 0 for an event of ids and flags only.
     */
    default int textLength() {
        return 0;
    }

    /** The text lengths of a message as history shows it: its content, type and sender's names. */
    static int textLengthOf(dev.chatserver.application.port.in.view.MessageView message) {
        return message.message().length() + message.type().length() + message.fromName().length()
                + message.fromPartner().name().length()
                + message.replyTo().map(quoted -> quoted.message().length()).orElse(0);
    }
}
