package dev.chatserver.domain.event;

/**
 * Something that happened in the core and that whoever is connected may hear of. The notification bus carries
 * these; each face renders them in its own shape (the IM chat API's, the Chats API's, Odoo's bus).
 */
public sealed interface DomainEvent permits MessagePosted, MemberTyping, SessionChanged, PresenceChanged,
        ChatEventAppended, MessageEdited, MessageDeleted, ReactionToggled, ReadReceipt {
}
