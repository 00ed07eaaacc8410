package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

/** A member's own handling of a session; a session the caller is not in is {@code NotFound} naming uuid. */
public interface ArrangeSession {
    SessionView changeStatus(ChangeStatusCommand command);

    SessionView changeState(ChangeStateCommand command);
}
