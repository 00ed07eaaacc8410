package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.application.port.in.view.ReactionCount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reactions in memory: per message, each emoji's members in the order they reacted, the emoji in first-use order. */
public final class InMemoryMessageReactions implements MessageReactions {
    private final Map<Long, LinkedHashMap<Emoji, LinkedHashSet<UserId>>> byMessage = new HashMap<>();

    @Override
    public synchronized boolean has(Reaction reaction) {
        return membersOf(reaction.messageId(), reaction.emoji()).contains(reaction.user());
    }

    @Override
    public synchronized boolean add(Reaction reaction) {
        return byMessage.computeIfAbsent(reaction.messageId(), id -> new LinkedHashMap<>())
                .computeIfAbsent(reaction.emoji(), e -> new LinkedHashSet<>()).add(reaction.user());
    }

    @Override
    public synchronized boolean remove(Reaction reaction) {
        Map<Emoji, LinkedHashSet<UserId>> ofMessage = byMessage.get(reaction.messageId());
        if (ofMessage == null) {
            return false;
        }
        Set<UserId> members = ofMessage.get(reaction.emoji());
        boolean removed = members != null && members.remove(reaction.user());
        if (members != null && members.isEmpty()) {
            ofMessage.remove(reaction.emoji());
        }
        if (ofMessage.isEmpty()) {
            byMessage.remove(reaction.messageId());
        }
        return removed;
    }

    @Override
    public synchronized int count(long messageId, Emoji emoji) {
        return membersOf(messageId, emoji).size();
    }

    @Override
    public synchronized int distinctOf(long messageId, UserId user) {
        return (int) byMessage.getOrDefault(messageId, new LinkedHashMap<>()).values().stream()
                .filter(members -> members.contains(user)).count();
    }

    @Override
    public synchronized void clear(long messageId) {
        byMessage.remove(messageId);
    }

    @Override
    public synchronized Map<Long, List<ReactionCount>> of(Collection<Long> messageIds, UserId viewer) {
        Map<Long, List<ReactionCount>> out = new HashMap<>();
        for (Long id : new LinkedHashSet<>(messageIds)) {
            Map<Emoji, LinkedHashSet<UserId>> ofMessage = byMessage.get(id);
            if (ofMessage == null) {
                continue;
            }
            List<ReactionCount> counts = new ArrayList<>();
            ofMessage.forEach((emoji, members) ->
                    counts.add(new ReactionCount(emoji.value(), members.size(), members.contains(viewer))));
            out.put(id, List.copyOf(counts));
        }
        return out;
    }

    private Set<UserId> membersOf(long messageId, Emoji emoji) {
        return byMessage.getOrDefault(messageId, new LinkedHashMap<>()).getOrDefault(emoji, new LinkedHashSet<>());
    }
}
