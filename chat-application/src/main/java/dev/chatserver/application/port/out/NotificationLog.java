package dev.chatserver.application.port.out;

import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.LogRead;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.out.notification.NotificationRetention;

import java.time.Instant;
import java.util.Set;

/**
 * The read side of the notification bus: every notification that became durable, each with an id larger than
 * every id handed out before it, kept for a retention window (age, and count and bytes shared fairly between
 * channels, see {@link NotificationRetention}) so that a client that reconnects with the last id it saw gets
 * everything after it, in order, and nothing twice. Transient signals never enter it.
 *
 * <p>In memory the log lives in this process. A PostgreSQL adapter implements the same port with a durable
 * notification table (ids from a sequence), {@code LISTEN/NOTIFY} to call the append listeners on every node,
 * and the reads below as catch-up queries by id.
 */
public interface NotificationLog {
    /** Appends a notification with the next id and then wakes every append listener. */
    Notification append(Channel channel, DomainEvent event);

    /**
     * The notifications on any of {@code channels} with an id above {@code after}, in id order, at most
     * {@code limit}, as a client resuming from {@code after} needs them: expired when notifications after
     * {@code after} on any of these channels were already dropped by the retention, or when {@code after} is
     * beyond every id this log handed out (an id from another log, e.g. before a restart). {@code after = 0} on a
     * log that dropped nothing reads from the start.
     */
    default LogRead readAfter(long after, Set<Channel> channels, int limit) {
        LogRead read = readNotingLosses(after, channels, limit);
        return read.lost().isEmpty() ? read : LogRead.expiredRead();
    }

    /**
     * The same read for a reader serving many clients at once (the dispatcher): what is still kept on these
     * channels after {@code after}, with {@link LogRead#lost()} naming each channel that lost notifications after
     * {@code after}, so that only the clients of those channels are told. Expired only when {@code after} is
     * older than what the log keeps on every channel (the retention age) or beyond every id it handed out.
     */
    LogRead readNotingLosses(long after, Set<Channel> channels, int limit);

    /**
     * The dispatcher's read, which serves every connection of a node: what is kept after {@code after} on every
     * channel, at most {@code limit}, with {@link LogRead#lost()} naming each channel of {@code watched} that lost
     * notifications after {@code after}. Its cost does not grow with the channels the node's connections follow
     * (each follows its user's sessions: thousands on a busy node). Expired as {@link #readNotingLosses} is.
     */
    LogRead readAllNotingLosses(long after, Set<Channel> watched, int limit);

    /** The retained notifications on any of {@code channels} appended at or after {@code since}, in id order, at most {@code limit}. */
    LogRead readSince(Instant since, Set<Channel> channels, int limit);

    /** The id of the newest notification appended so far, or 0 when there was none. */
    long lastId();

    /**
     * Calls {@code listener} after each append (on whichever thread appended, or the one that heard of it
     * from another node). Listeners must return quickly: they only wake a reader.
     */
    void onAppend(Runnable listener);

    /** Drops what the retention no longer keeps, measured at the log's clock; answers how many were dropped. */
    int prune();
}
