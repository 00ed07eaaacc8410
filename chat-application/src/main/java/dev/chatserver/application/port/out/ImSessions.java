package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** IM sessions with their members and each member's own view of them. */
public interface ImSessions {
    /**
     * The session of {@code session.key()}, created with its members when there is none. Callers racing for
     * the same key all get the one session that is stored.
     */
    ImSession findOrCreate(NewSession session);

    Optional<ImSession> byUuid(UUID uuid);

    /** The sessions of these keys that exist, in one read however many keys. */
    List<ImSession> byKeys(Collection<SessionKey> keys);

    /** The member's sessions that match the query, newest first, in one read however many there are. */
    List<ImSession> sessionsOf(UserId member, SessionQuery query);

    /** Adds the users that are not members yet (joining open, active, read); answers those added. */
    Set<UserId> addMembers(long sessionId, Collection<UserId> users);

    /** Sets a member's state; answers whether it changed. */
    boolean changeState(long sessionId, UserId member, SessionState state);

    /** Sets a member's status; answers whether it changed. */
    boolean changeStatus(long sessionId, UserId member, SessionStatus status);

    /** Marks the session read for the member; answers whether it was unread. */
    boolean markRead(long sessionId, UserId member);
}
