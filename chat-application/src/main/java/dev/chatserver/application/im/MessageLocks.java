package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;

/**
 * Every change of a message (an edit, a deletion, a reaction) locks the message first, so that changes of one
 * message are decided one after the other on what the one before left: an edit racing a deletion finds the
 * tombstone or is deleted after, and of two edits the one committed last is the message's content.
 */
final class MessageLocks {
    private final ImMessages messages;
    private final ImSessions sessions;

    MessageLocks(ImMessages messages, ImSessions sessions) {
        this.messages = messages;
        this.sessions = sessions;
    }

    record Locked(ImMessage message, ImSession session) {
    }

    /** The message locked, with its session; to anyone but a member of that session, as if it did not exist. */
    Locked lockForMember(long messageId, UserId member) {
        ImMessage message = messages.lockMessage(messageId).orElseThrow(ImMessage::unknown);
        ImSession session = sessions.byId(message.sessionId()).filter(s -> s.hasMember(member))
                .orElseThrow(ImMessage::unknown);
        return new Locked(message, session);
    }
}
