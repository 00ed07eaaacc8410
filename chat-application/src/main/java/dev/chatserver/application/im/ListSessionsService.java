package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessions;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

public final class ListSessionsService implements ListSessions {
    private final ImSessions sessions;
    private final SessionViews views;
    private final SessionCounterparts counterparts;

    @Inject
    public ListSessionsService(ImSessions sessions, SessionViews views, UserDirectory directory) {
        this.sessions = sessions;
        this.views = views;
        this.counterparts = new SessionCounterparts(directory);
    }

    @Override
    public List<SessionView> privateSessions(ListSessionsCommand command) {
        UserId caller = command.caller().id();
        command.userTo().ifPresent(user -> counterparts.existingUser(user, "userTo"));
        List<ImSession> found = sessions.sessionsOf(caller, new SessionQuery(false, command.userTo(),
                Optional.empty(), command.document(), command.state())
                .page(command.page().beforeId(), command.page().limit()));
        return views.asSeenBy(caller, found);
    }

    @Override
    public List<SessionView> groupSessions(ListGroupSessionsCommand command) {
        UserId caller = command.caller().id();
        command.group().ifPresent(group -> counterparts.groupOfMember(group, caller));
        List<ImSession> found = sessions.sessionsOf(caller, new SessionQuery(true, Optional.empty(),
                command.group(), command.document(), command.state())
                .page(command.page().beforeId(), command.page().limit()));
        return views.asSeenBy(caller, found);
    }
}
