package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

/** The newest message a queued or sent digest of a session held, for one member. */
public record MailedSession(UserId user, long sessionId, long upToMessageId) {
}
