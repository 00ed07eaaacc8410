package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.domain.account.UserId;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fans out what is kept once for a whole IM session ({@link Channel#ofSession}) to its members' connections. A
 * connection that follows its user's own channel follows the channels of that user's sessions too (read when it
 * subscribes), and from the notification that tells the user of a session they joined ({@link SessionChanged}) it
 * follows that session's channel as well. A session's notification reaches it, under the user's own channel as if
 * it had been kept there, only when the user is a member at delivery: the members are read once for a whole batch,
 * however many notifications and members, so someone who left or was removed hears nothing more of it at once.
 */
public final class SessionAudience {
    private final SubscriptionFacts facts;

    @Inject
    public SessionAudience(SubscriptionFacts facts) {
        this.facts = facts;
    }

    /** {@code channels} with those of the listener's sessions when they include the listener's own channel. */
    Set<Channel> following(Listener listener, Set<Channel> channels) {
        Optional<UserId> user = listener.user();
        if (user.isEmpty() || !channels.contains(Channel.ofUser(user.get()))) {
            return channels;
        }
        Set<Channel> followed = new LinkedHashSet<>(channels);
        facts.sessionsOf(user.get()).forEach(session -> followed.add(Channel.ofSession(session)));
        return followed;
    }

    /**
     * The channels of the sessions that {@code notifications} tell the listener of and that {@code channels} do not
     * follow yet: sessions the listener joined after subscribing. Empty when {@code channels} miss its own channel.
     */
    Set<Channel> joined(Listener listener, Set<Channel> channels, List<Notification> notifications) {
        Optional<Channel> own = listener.user().map(Channel::ofUser).filter(channels::contains);
        if (own.isEmpty()) {
            return Set.of();
        }
        Set<Channel> joined = new LinkedHashSet<>();
        for (Notification notification : notifications) {
            if (notification.event() instanceof SessionChanged changed && notification.channel().equals(own.get())) {
                Channel session = Channel.ofSession(changed.session().uuid());
                if (!channels.contains(session)) {
                    joined.add(session);
                }
            }
        }
        return joined;
    }

    /** Who is a member now of the sessions these notifications are kept for: one read, none when there are none. */
    Members membersAt(List<Notification> notifications) {
        Set<UUID> sessions = notifications.stream().map(notification -> notification.channel().session())
                .flatMap(Optional::stream).collect(Collectors.toSet());
        return new Members(sessions.isEmpty() ? Map.of() : facts.membersOf(sessions));
    }

    /** {@code read} as {@code listener} hears it now; it still went past what the listener does not hear. */
    LogRead heardBy(Listener listener, LogRead read) {
        if (read.expired() || read.notifications().isEmpty()) {
            return read;
        }
        if (read.notifications().stream().allMatch(notification -> notification.channel().session().isEmpty())) {
            return read;
        }
        List<Notification> heard = membersAt(read.notifications()).heardBy(listener, read.notifications());
        long passed = Math.max(read.passedUpTo(), read.notifications().get(read.notifications().size() - 1).id());
        return new LogRead(heard, false, passed, read.lost());
    }

    /** The members, at one moment, of the sessions a batch of notifications is kept for. */
    record Members(Map<UUID, Set<UserId>> bySession) {
        /**
         * The notification as {@code listener} hears it: as it is when kept on another channel; when kept for a
         * session, under the listener's own channel if the listener is a member of it, and not at all otherwise.
         */
        Optional<Notification> heardBy(Listener listener, Notification notification) {
            Optional<UUID> session = notification.channel().session();
            if (session.isEmpty()) {
                return Optional.of(notification);
            }
            return listener.user().filter(user -> bySession.getOrDefault(session.get(), Set.of()).contains(user))
                    .map(member -> new Notification(notification.id(), Channel.ofUser(member), notification.event(),
                            notification.appendedAt(), notification.signal()));
        }

        List<Notification> heardBy(Listener listener, List<Notification> notifications) {
            List<Notification> heard = new ArrayList<>(notifications.size());
            notifications.forEach(notification -> heardBy(listener, notification).ifPresent(heard::add));
            return heard;
        }
    }
}
