package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

/**
 * A member brings another user into a session: every member is told, and a meta message says who joined. A
 * session the caller is not in is {@code NotFound} naming {@code session}; an unknown user is {@code NotFound}
 * naming {@code newcomer}; inviting a member changes nothing.
 */
public interface InviteToSession {
    SessionView invite(InviteCommand command);
}
