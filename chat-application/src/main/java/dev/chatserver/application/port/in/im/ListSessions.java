package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.SessionView;

import java.util.List;

/** The caller's sessions as they see them, newest first. */
public interface ListSessions {
    List<SessionView> privateSessions(ListSessionsCommand command);

    List<SessionView> groupSessions(ListGroupSessionsCommand command);
}
