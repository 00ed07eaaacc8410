package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

/**
 * Anyone signed in starts a group conversation with people of their choice, as its admin: every member is told,
 * and a meta message says who made it. An unknown user among {@code userIds} is {@code NotFound} naming it.
 */
public interface CreateGroup {
    SessionView create(CreateGroupCommand command);
}
