package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.NewSession;
import dev.chatserver.domain.im.SessionKey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * IM sessions with their members and each member's own view of them. The session decides (see
 * {@link ImSession}); this port reads it, locks what a decision is made on, and keeps what was decided.
 */
public interface ImSessions {
    /**
     * The session of {@code session.key()}, created with its members when there is none. Callers racing for
     * the same key all get the one session that is stored.
     */
    ImSession findOrCreate(NewSession session);

    Optional<ImSession> byUuid(UUID uuid);

    /** The session of this id with all its members, in one read. */
    Optional<ImSession> byId(long id);

    /**
     * The session of {@code uuid} with {@code member}'s own membership, read by key without the other members;
     * empty when there is no such session or {@code member} is not in it.
     */
    Optional<SessionOfMember> ofMember(UUID uuid, UserId member);
    /** The sessions of these uuids that exist, in one read however many. */
    default List<ImSession> byUuids(Collection<UUID> uuids) {
        return uuids.stream().distinct().map(this::byUuid).flatMap(Optional::stream).toList();
    }

    /** The sessions of these keys that exist, newest first, in one read however many keys. */
    List<ImSession> byKeys(Collection<SessionKey> keys);

    /**
     * The member's sessions that match the query, newest first (by id), in one read however many there are;
     * a paged query reads only its page.
     */
    List<ImSession> sessionsOf(UserId member, SessionQuery query);

    /**
     * The uuids of every session {@code member} is in, in one read however many: the sessions whose channel a
     * member's connection follows.
     */
    Set<UUID> uuidsOf(UserId member);

    /**
     * The members now of each of these sessions that exists, by uuid, in one read however many: whom a
     * notification kept once for a whole session is delivered to.
     */
    Map<UUID, Set<UserId>> membersByUuid(Collection<UUID> uuids);

    /**
     * The session with all its memberships read again and locked, in user order, until the unit of work ends:
     * a post decides on these, and no other post or member's change slips in between.
     */
    ImSession lockMembers(ImSession session);

    /**
     * {@link #lockMembers} for several sessions at once, in one statement on SQL: every membership of each, read
     * again and locked in session and user order until the unit of work ends. Answers them in session id order.
     */
    default List<ImSession> lockMembersOf(Collection<ImSession> sessions) {
        return sessions.stream().sorted(java.util.Comparator.comparingLong(ImSession::id))
                .map(this::lockMembers).toList();
    }

    /**
     * The session with {@code member}'s membership read again and locked until the unit of work ends: a change
     * of that member's own view decides on it. The other memberships are as {@code session} had them.
     */
    ImSession lockMember(ImSession session, UserId member);

    /**
     * Keeps these memberships as the session decided them. The caller holds their rows locked
     * ({@link #lockMembers}, {@link #lockMember}) in the same unit of work, so nothing written since is lost.
     */
    void saveMemberships(long sessionId, Collection<Membership> memberships);

    /** {@link #saveMemberships} for several sessions (by session id) in one statement on SQL. */
    default void saveMembershipsOf(java.util.Map<Long, ? extends Collection<Membership>> bySession) {
        bySession.forEach(this::saveMemberships);
    }

    /**
     * Stores the newcomers' memberships ({@link ImSession#newcomers}); answers those added, leaving out any
     * that a racing caller added first.
     */
    Set<UserId> addMembers(long sessionId, Collection<Membership> newcomers);

    /** Removes {@code member}'s membership (they left or were removed), whose row the caller holds locked. */
    void removeMember(long sessionId, UserId member);

    /**
     * Gives the session another key ({@link dev.chatserver.domain.im.Invitation#newKey}): from then on it is
     * found by that key only, and its old key is free for a new session.
     */
    void rekey(long sessionId, SessionKey newKey);
}
