package dev.chatserver.application.port.in.im;

/**
 * The caller has read a session of theirs up to a message: their read pointer moves there (never back), the
 * other members get a read receipt, the caller's own other connections hear it too. A session the caller is not
 * in is {@code NotFound} naming {@code session}; a message not in that session is {@code NotFound} naming
 * {@code messageId}.
 */
public interface MarkRead {
    ReadState markRead(MarkReadCommand command);
}
