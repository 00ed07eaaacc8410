package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Tells the members of a user's sessions that the user's profile changed, as the session notification every client
 * already reads (the session with its members' names, Odoo's {@code im_chat.session} shape): their windows show the
 * new name without reloading. Only the newest sessions are told, so that a rename costs a bounded fan-out; an older
 * session shows the new name the next time it is listed.
 */
public final class ProfileAnnouncements {
    /** Of each kind, private and group. */
    public static final int MAX_SESSIONS_TOLD = 100;

    private final ImSessions sessions;
    private final SessionViews views;
    private final ImNotifier notifier;

    @Inject
    public ProfileAnnouncements(ImSessions sessions, SessionViews views, ImNotifier notifier) {
        this.sessions = sessions;
        this.views = views;
        this.notifier = notifier;
    }

    /** Inside the unit of work that changed the profile: the notifications go out only if it commits. */
    public void profileChanged(UserId user) {
        List<ImSession> told = new ArrayList<>();
        for (SessionQuery kind : List.of(SessionQuery.privateSessions(), SessionQuery.groupSessions())) {
            told.addAll(sessions.sessionsOf(user,
                    kind.page(OptionalLong.empty(), OptionalInt.of(MAX_SESSIONS_TOLD))));
        }
        if (told.isEmpty()) {
            return;
        }
        views.asSeenByEach(told, told.stream().map(ImSession::memberIds).toList())
                .forEach(notifier::sessionSeenAs);
    }
}
