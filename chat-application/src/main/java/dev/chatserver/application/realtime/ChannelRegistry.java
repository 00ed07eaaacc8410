package dev.chatserver.application.realtime;

import dev.chatserver.application.port.out.notification.Channel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who listens to which channel. Every change to it, and to a {@link Subscriber}'s state, is made while holding
 * this registry's monitor ({@code synchronized (registry)}), so that catch-up and dispatch never hand the same
 * subscriber the same notification twice.
 */
@Singleton
public final class ChannelRegistry {
    private final Map<Channel, Set<Subscriber>> byChannel = new HashMap<>();

    @Inject
    public ChannelRegistry() {
    }

    boolean isEmpty() {
        return byChannel.isEmpty();
    }

    /** Every channel someone listens to now. */
    Set<Channel> channels() {
        return Set.copyOf(byChannel.keySet());
    }

    Set<Subscriber> on(Channel channel) {
        return byChannel.getOrDefault(channel, Set.of());
    }

    Set<Subscriber> everyone() {
        Set<Subscriber> everyone = new LinkedHashSet<>();
        byChannel.values().forEach(everyone::addAll);
        return everyone;
    }

    List<Subscriber> heldPolls() {
        return everyone().stream().filter(subscriber -> subscriber.heldPoll).toList();
    }

    /** Registers the subscriber on these channels, in place of those it had. */
    void register(Subscriber subscriber, Set<Channel> channels) {
        unregister(subscriber);
        subscriber.channels = Set.copyOf(channels);
        for (Channel channel : subscriber.channels) {
            byChannel.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(subscriber);
        }
    }

    /** Registers the subscriber on these channels as well as on those it has. */
    void follow(Subscriber subscriber, Set<Channel> more) {
        Set<Channel> channels = new LinkedHashSet<>(subscriber.channels);
        channels.addAll(more);
        register(subscriber, channels);
    }

    /** Unregisters the subscriber from this one of its channels only. */
    void unfollow(Subscriber subscriber, Channel channel) {
        Set<Channel> channels = new LinkedHashSet<>(subscriber.channels);
        if (channels.remove(channel)) {
            register(subscriber, channels);
        }
    }

    void unregister(Subscriber subscriber) {
        for (Channel channel : subscriber.channels) {
            Set<Subscriber> subscribers = byChannel.get(channel);
            if (subscribers != null) {
                subscribers.remove(subscriber);
                if (subscribers.isEmpty()) {
                    byChannel.remove(channel);
                }
            }
        }
        subscriber.channels = Set.of();
    }

    /** The subscriber stops listening to {@code channels} (a room that banned it) and keeps its others. */
    void leave(Subscriber subscriber, Set<Channel> channels) {
        if (channels.isEmpty() || subscriber.dropped) {
            return;
        }
        Set<Channel> kept = new LinkedHashSet<>(subscriber.channels);
        kept.removeAll(channels);
        register(subscriber, kept);
    }
}
