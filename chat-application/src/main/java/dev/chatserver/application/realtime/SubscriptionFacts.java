package dev.chatserver.application.realtime;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the right to subscribe to a channel depends on ({@link SubscriptionPolicy}): the application's own rule,
 * read from the IM and Chats data by {@link StoredSubscriptionFacts}; delivery tests give fixed facts instead. What is
 * kept once for a whole IM session is delivered by it too: to whom is a member at delivery.
 */
public interface SubscriptionFacts {
    /**
     * Those of {@code subjects} whose presence {@code reader} may follow: users in the reader's address book
     * or sharing an IM session with the reader. One read however many subjects.
     */
    Set<UserId> acquaintances(UserId reader, Collection<UserId> subjects);

    /** Whether {@code account} is a configured tenant of {@code audience}. */
    boolean isTenantOf(AccountId account, String audience);

    /** Those of {@code rooms} that ban {@code account}: one read however many rooms. */
    Set<UUID> roomsBanning(AccountId account, Collection<UUID> rooms);

    /** The IM sessions {@code member} is in now (their uuids): one read however many. */
    Set<UUID> sessionsOf(UserId member);

    /** The members now of each of these IM sessions, by uuid: one read however many. */
    Map<UUID, Set<UserId>> membersOf(Collection<UUID> sessions);
}
