package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessagePost;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostedMessage;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Posts a message exactly, inside the caller's unit of work: the session decides on its members read under
 * lock, the message is appended, and the memberships the post changed are kept. Three statements on SQL.
 */
public final class MessagePosting {
    private final ImSessions sessions;
    private final ImMessages messages;

    @Inject
    public MessagePosting(ImSessions sessions, ImMessages messages) {
        this.sessions = sessions;
        this.messages = messages;
    }

    /** Refuses a sender who is not a member as if the session did not exist; then nothing is stored. */
    public PostedMessage post(ImSession session, UserId sender, MessageType type, String content, Instant now) {
        MessagePost decided = sessions.lockMembers(session).post(sender, type, content, now);
        ImMessage stored = messages.append(decided.message());
        PostedMessage posted = decided.stored(stored.id());
        sessions.saveMemberships(session.id(), posted.changed());
        return posted;
    }
}
