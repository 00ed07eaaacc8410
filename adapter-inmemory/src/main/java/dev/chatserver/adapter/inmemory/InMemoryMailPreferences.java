package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.notify.SessionMute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class InMemoryMailPreferences implements MailPreferences {
    private final Map<UserId, EmailChoice> choices = new HashMap<>();
    private final Map<UserId, Map<Long, SessionMute>> mutes = new HashMap<>();

    @Override
    public synchronized void setEmail(UserId user, EmailChoice choice) {
        choices.put(user, choice);
    }

    @Override
    public synchronized Map<UserId, EmailChoice> emailOf(Collection<UserId> users) {
        Map<UserId, EmailChoice> found = new LinkedHashMap<>();
        users.forEach(user -> {
            EmailChoice choice = choices.get(user);
            if (choice != null) {
                found.put(user, choice);
            }
        });
        return found;
    }

    @Override
    public synchronized void mute(SessionMute mute) {
        mutes.computeIfAbsent(mute.member(), u -> new HashMap<>()).put(mute.sessionId(), mute);
    }

    @Override
    public synchronized void unmute(UserId member, long sessionId) {
        Map<Long, SessionMute> ofMember = mutes.get(member);
        if (ofMember != null) {
            ofMember.remove(sessionId);
        }
    }

    @Override
    public synchronized List<SessionMute> mutesOf(Collection<UserId> users) {
        List<SessionMute> found = new ArrayList<>();
        users.stream().distinct().forEach(user -> found.addAll(mutes.getOrDefault(user, Map.of()).values()));
        return found;
    }
}
