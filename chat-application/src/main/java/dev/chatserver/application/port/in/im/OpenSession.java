package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

/** Getting the canonical session with a user or of a group, creating it the first time. */
public interface OpenSession {
    /** An unknown {@code userTo} is {@code NotFound} naming it. */
    SessionView openPrivate(OpenSessionCommand command);

    /** An unknown group, or one the caller is not a member of, is {@code NotFound} naming {@code group}. */
    SessionView openGroup(OpenGroupSessionCommand command);
}
