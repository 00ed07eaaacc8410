package dev.chatserver.application.port.in.im;

/** Where the caller's read pointer is after a mark_read, and how many messages are still unread after it. */
public record ReadState(long seenMessageId, long unreadCount, boolean isRead) {
}
