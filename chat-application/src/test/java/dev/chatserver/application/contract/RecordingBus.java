package dev.chatserver.application.contract;

import dev.chatserver.domain.account.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bus that only remembers what was published, in order, for tests to look at. What is published once on an IM
 * session's channel is looked at as the delivery hands it out: on the own channel of each member of the session
 * at the moment of looking ({@link #membersBy}); {@link #kept()} shows what was published as it was.
 */
public final class RecordingBus implements NotificationBus {
    public record Published(Channel channel, DomainEvent event) {
    }

    private volatile Function<UUID, Set<UserId>> members = session -> Set.of();

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<Published> signalled = new CopyOnWriteArrayList<>();
    private final List<MessageDeleted> forgotten = new CopyOnWriteArrayList<>();
    private final AtomicInteger publications = new AtomicInteger();

    @Override
    public void publish(Collection<Channel> channels, DomainEvent event) {
        publications.incrementAndGet();
        channels.forEach(channel -> published.add(new Published(channel, event)));
    }

    @Override
    public void signal(Collection<Channel> channels, DomainEvent event) {
        channels.forEach(channel -> signalled.add(new Published(channel, event)));
    }

    /** The transient signals sent, in order: never among {@link #published()}. */
    public List<Published> signalled() {
        return List.copyOf(signalled);
    }

    @Override
    public void forgetText(MessageDeleted deletion) {
        forgotten.add(deletion);
    }

    /** The deletions whose text the log was told to forget, in order. */
    public List<MessageDeleted> forgotten() {
        return List.copyOf(forgotten);
    }

    /** How many times {@link #publish} was called: once per event, whatever the number of its channels. */
    public int publications() {
        return publications.get();
    }

    /** Who the members of a session are now: what is published on its channel is looked at as told to each. */
    public RecordingBus membersBy(Function<UUID, Set<UserId>> membersNow) {
        this.members = membersNow;
        return this;
    }

    /** What was published, in order, as it is stored: once on a session's channel for all its members. */
    public List<Published> kept() {
        return List.copyOf(published);
    }

    /** What was published, in order, as delivered now: a session's to each of its members, in user order. */
    public List<Published> published() {
        List<Published> told = new ArrayList<>();
        for (Published p : published) {
            Optional<UUID> session = p.channel().session();
            if (session.isEmpty()) {
                told.add(p);
            } else {
                members.apply(session.get()).stream().sorted(Comparator.comparingLong(UserId::value))
                        .forEach(member -> told.add(new Published(Channel.ofUser(member), p.event())));
            }
        }
        return told;
    }

    /** What was published of this kind of event, in order, as delivered now. */
    public List<Published> ofKind(Class<? extends DomainEvent> kind) {
        return published().stream().filter(p -> kind.isInstance(p.event())).toList();
    }

    /** The events delivered now on {@code channel}, in order, as {@code kind}. */
    public <T extends DomainEvent> List<T> on(Channel channel, Class<T> kind) {
        return published().stream().filter(p -> p.channel().equals(channel)).map(p -> kind.cast(p.event())).toList();
    }

    public void clear() {
        published.clear();
        signalled.clear();
        forgotten.clear();
        publications.set(0);
    }
}
