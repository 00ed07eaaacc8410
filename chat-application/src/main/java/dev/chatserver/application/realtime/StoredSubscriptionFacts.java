package dev.chatserver.application.realtime;

import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.RoomBans;
import dev.chatserver.application.port.out.SessionQuery;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.im.ImSession;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The subscription facts as the IM and Chats data hold them: the reader's address book and IM sessions, and the
 * configured tenants of each audience, the bans of the rooms. Four reads however many channels are asked for.
 */
public final class StoredSubscriptionFacts implements SubscriptionFacts {
    private final AddressBooks books;
    private final ImSessions sessions;
    private final Tenants tenants;
    private final RoomBans bans;

    @Inject
    public StoredSubscriptionFacts(AddressBooks books, ImSessions sessions, Tenants tenants, RoomBans bans) {
        this.bans = bans;
        this.books = books;
        this.sessions = sessions;
        this.tenants = tenants;
    }

    @Override
    public Set<UserId> acquaintances(UserId reader, Collection<UserId> subjects) {
        Set<UserId> known = new HashSet<>(books.contactsOf(reader));
        for (SessionQuery query : new SessionQuery[]{SessionQuery.privateSessions(), SessionQuery.groupSessions()}) {
            for (ImSession session : sessions.sessionsOf(reader, query)) {
                known.addAll(session.memberIds());
            }
        }
        return subjects.stream().filter(known::contains).collect(Collectors.toSet());
    }

    @Override
    public boolean isTenantOf(AccountId account, String audience) {
        return tenants.isTenant(account, audience);
    }

    @Override
    public Set<UUID> roomsBanning(AccountId account, Collection<UUID> rooms) {
        if (rooms.isEmpty()) {
            return Set.of();
        }
        return bans.bannedAmong(rooms.stream().map(RoomId::new).toList(), List.of(account)).keySet().stream()
                .map(RoomId::value).collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> sessionsOf(UserId member) {
        return sessions.uuidsOf(member);
    }

    @Override
    public Map<UUID, Set<UserId>> membersOf(Collection<UUID> uuids) {
        return sessions.membersByUuid(uuids);
    }
}
