package dev.chatserver.bootstrap.im;

import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Presence in IM tests: what the test set, offline otherwise. */
final class FixedPresence implements ReadPresence {
    private final Map<UserId, ImStatus> statuses = new ConcurrentHashMap<>();

    void set(UserId user, ImStatus status) {
        statuses.put(user, status);
    }

    @Override
    public ImStatus statusOf(UserId user) {
        return statuses.getOrDefault(user, ImStatus.OFFLINE);
    }

    @Override
    public Map<UserId, ImStatus> statusOf(Collection<UserId> users) {
        Map<UserId, ImStatus> answer = new LinkedHashMap<>();
        users.forEach(u -> answer.put(u, statusOf(u)));
        return answer;
    }
}
