package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import jakarta.inject.Inject;

import java.util.UUID;

/** Finds a session for one of its members; to anyone else it answers as if the session did not exist. */
public final class SessionAccess {
    private final ImSessions sessions;

    @Inject
    public SessionAccess(ImSessions sessions) {
        this.sessions = sessions;
    }

    public ImSession forMember(UserId member, UUID uuid) {
        return sessions.byUuid(uuid).filter(s -> s.hasMember(member))
                .orElseThrow(ImSession::unknown);
    }
}
