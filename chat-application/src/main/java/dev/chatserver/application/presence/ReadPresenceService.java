package dev.chatserver.application.presence;

import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Users' presence as this node knows it ({@link NodePresence}): its own facts with the other nodes' reports. */
public final class ReadPresenceService implements ReadPresence {
    private final NodePresence presence;

    @Inject
    public ReadPresenceService(NodePresence presence) {
        this.presence = presence;
    }

    @Override
    public ImStatus statusOf(UserId user) {
        return presence.statusOf(List.of(user)).get(user);
    }

    @Override
    public Map<UserId, ImStatus> statusOf(Collection<UserId> users) {
        return presence.statusOf(users);
    }
}
