package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The durable queue of emails: a mail queued is sent by one sender at a time (a lease), kept when sending fails
 * until it is retried or given up, and never handed out again once sent.
 */
public interface MailQueue {
    /**
     * Queues the drafts in one write; a draft whose member, session and read pointer are queued already (another
     * node's scan, or this one's earlier) is left out. Answers how many were queued.
     */
    int enqueue(List<MailDraft> drafts);

    /** For each member and session of these users, the newest message any digest held, in one read. */
    List<MailedSession> mailedUpTo(Collection<UserId> users);

    /** How many mails each of these users has waiting to be sent (not sent, not given up), in one read. */
    Map<UserId, Integer> waitingFor(Collection<UserId> users);

    /**
     * Up to {@code limit} mails due at {@code now} (not sent, not given up, retry time reached) that no other
     * sender holds, each now held by this caller for {@code lease}: a sender that dies lets it go when the lease
     * ends. Oldest first.
     */
    List<QueuedMail> claim(Instant now, Duration lease, int limit);

    /** The mail was sent: it is never handed out again. */
    void sent(long id, Instant at);

    /** Sending failed: one more failed attempt, tried again from {@code retryAt}, the lease let go. */
    void failed(long id, Instant retryAt);

    /** Sending failed for the last time: never tried again. */
    void gaveUp(long id, Instant at);
}
