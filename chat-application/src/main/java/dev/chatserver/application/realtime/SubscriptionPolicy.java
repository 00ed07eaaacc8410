package dev.chatserver.application.realtime;

import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may listen to which channel: {@code user:<id>} only that user; {@code presence:<id>} that user and the
 * users who have them in their address book or share a session with them; {@code room:<uuid>} any
 * authenticated account the room does not ban; {@code audience:<name>} only the tenants of that audience.
 */
public final class SubscriptionPolicy {
    private final SubscriptionFacts facts;

    @Inject
    public SubscriptionPolicy(SubscriptionFacts facts) {
        this.facts = facts;
    }

    /** The channels, checked all at once: a malformed name is {@code InvalidInput}, a forbidden one {@code AccessDenied}. */
    public Set<Channel> permitted(Listener listener, Collection<String> names) {
        Set<Channel> channels = new LinkedHashSet<>();
        List<UserId> presenceSubjects = new ArrayList<>();
        List<String> audiences = new ArrayList<>();
        List<UUID> rooms = new ArrayList<>();
        for (String name : names) {
            int colon = name.indexOf(':');
            String kind = colon < 0 ? "" : name.substring(0, colon);
            String subject = colon < 0 ? "" : name.substring(colon + 1);
            Channel channel = switch (kind) {
                case "user" -> {
                    UserId owner = userId(name, subject);
                    if (!listener.user().map(owner::equals).orElse(false)) {
                        throw refused(name);
                    }
                    yield Channel.ofUser(owner);
                }
                case "presence" -> {
                    UserId other = userId(name, subject);
                    if (listener.user().isEmpty()) {
                        throw refused(name);
                    }
                    if (!other.equals(listener.user().get())) {
                        presenceSubjects.add(other);
                    }
                    yield Channel.ofPresence(other);
                }
                case "room" -> {
                    UUID room = roomId(name, subject);
                    rooms.add(room);
                    yield Channel.ofRoom(room);
                }
                case "audience" -> {
                    if (subject.isBlank()) {
                        throw malformed(name);
                    }
                    audiences.add(subject);
                    yield Channel.ofAudience(subject);
                }
                default -> throw malformed(name);
            };
            channels.add(channel);
        }
        if (!presenceSubjects.isEmpty()) {
            Set<UserId> known = facts.acquaintances(listener.user().orElseThrow(), presenceSubjects);
            for (UserId subject : presenceSubjects) {
                if (!known.contains(subject)) {
                    throw refused(Channel.ofPresence(subject).name());
                }
            }
        }
        for (String audience : audiences) {
            if (!listener.account().map(account -> facts.isTenantOf(account, audience)).orElse(false)) {
                throw refused(Channel.ofAudience(audience).name());
            }
        }
        if (!rooms.isEmpty() && listener.account().isPresent()) {
            Set<UUID> banning = facts.roomsBanning(listener.account().get(), rooms);
            if (!banning.isEmpty()) {
                UUID room = banning.iterator().next();
                throw AccessDenied.ofRule("banned", "channels", "you are banned from the room " + room
                        + ": you may not subscribe to " + Channel.ofRoom(room).name());
            }
        }
        return channels;
    }

    private static UserId userId(String name, String subject) {
        try {
            long id = Long.parseLong(subject);
            if (id > 0) {
                return UserId.of(id);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the channel's name
        }
        throw malformed(name);
    }

    private static UUID roomId(String name, String subject) {
        try {
            UUID parsed = UUID.fromString(subject);
            if (parsed.toString().equals(subject.toLowerCase(java.util.Locale.ROOT))) {
                return parsed;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below, with the channel's name
        }
        throw malformed(name);
    }

    private static InvalidInput malformed(String name) {
        return new InvalidInput("channels", "unknown channel " + name
                + ": channels are user:<id>, presence:<id>, room:<uuid> or audience:<name>");
    }

    private static AccessDenied refused(String name) {
        return new AccessDenied("channels", "you may not subscribe to " + name);
    }
}
