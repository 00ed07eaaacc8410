package dev.chatserver.application.im;

import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Presence for tests: whatever the test set, offline otherwise; counts how often it was asked. */
public final class FixedPresence implements ReadPresence {
    private final Map<UserId, ImStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public void set(UserId user, ImStatus status) {
        statuses.put(user, status);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public ImStatus statusOf(UserId user) {
        calls.incrementAndGet();
        return statuses.getOrDefault(user, ImStatus.OFFLINE);
    }

    @Override
    public Map<UserId, ImStatus> statusOf(Collection<UserId> users) {
        calls.incrementAndGet();
        Map<UserId, ImStatus> answer = new LinkedHashMap<>();
        users.forEach(u -> answer.put(u, statuses.getOrDefault(u, ImStatus.OFFLINE)));
        return answer;
    }
}
