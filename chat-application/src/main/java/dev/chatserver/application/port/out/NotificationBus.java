package dev.chatserver.application.port.out;

import java.util.Collection;
import java.util.List;

import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.Channel;


/**
 * The one bus that pushes every change to whoever is connected. {@link #publish} is called inside the unit of
 * work that makes the change: the notification gets its increasing id and is delivered only once that unit
 * commits, and never when it rolls back.
 *
 * <p>What travels is a typed {@link DomainEvent}; each face renders it in its own shape.
 */
public interface NotificationBus {
    /**
     * One event to every one of {@code channels} (a message to each member's channel): one call per event, so
     * whoever watches the bus hears the event once, however many channels it is addressed to.
     */
    void publish(Collection<Channel> channels, DomainEvent event);

    default void publish(Channel channel, DomainEvent event) {
        publish(List.of(channel), event);
    }

    /**
     * A transient signal (a member typing): sent to whoever listens on {@code channel} on any node once the unit
     * of work commits (at once outside one), and never kept, so it is never replayed to a client that resumes and
     * never takes the log's room. Its event must be small (under a few KiB encoded), as it may travel between
     * nodes in a bounded wake-up.
     */
    void signal(Collection<Channel> channels, DomainEvent event);

    /**
     * Called inside the unit of work that deletes a message: every notification the log still keeps that
     * carries the message's text (its post, its edits, sessions showing it as a last message) is rewritten as
     * {@link DomainEvent#afterDeletion} tells, keeping its id and place, so a client resuming from before it
     * gets the tombstone. Done exactly when that unit commits, never when it rolls back.
     */
    void forgetText(MessageDeleted deletion);
}
